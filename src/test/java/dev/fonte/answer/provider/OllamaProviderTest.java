package dev.fonte.answer.provider;

import dev.fonte.answer.provider.fake.FakeModelServer;
import dev.fonte.answer.provider.fake.OllamaFakeServer;

import static org.assertj.core.api.Assertions.assertThat;

class OllamaProviderTest extends ProviderWireContractTest {

    @Override
    Provider provider() {
        return Provider.OLLAMA;
    }

    @Override
    FakeModelServer startServer() {
        return new OllamaFakeServer();
    }

    @Override
    void assertReceivedCredentials(FakeModelServer.Received received) {
        assertThat(received.path()).isEqualTo("/api/chat");
        assertThat(received.headers()).doesNotContainKey("authorization");
        assertThat(received.json().path("options").path("num_predict").asInt()).isEqualTo(300);
    }
}
