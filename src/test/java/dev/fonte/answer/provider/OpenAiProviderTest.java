package dev.fonte.answer.provider;

import dev.fonte.answer.provider.fake.FakeModelServer;
import dev.fonte.answer.provider.fake.OpenAiFakeServer;

import static org.assertj.core.api.Assertions.assertThat;

class OpenAiProviderTest extends ProviderWireContractTest {

    @Override
    Provider provider() {
        return Provider.OPENAI;
    }

    @Override
    FakeModelServer startServer() {
        return new OpenAiFakeServer();
    }

    @Override
    void assertReceivedCredentials(FakeModelServer.Received received) {
        assertThat(received.path()).isEqualTo("/v1/chat/completions");
        assertThat(received.headers()).containsEntry("authorization", "Bearer test-key");
        assertThat(received.json().path("max_tokens").asInt()).isEqualTo(300);
    }
}
