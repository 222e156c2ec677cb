package dev.fonte.answer.provider;

import dev.fonte.answer.provider.fake.AnthropicFakeServer;
import dev.fonte.answer.provider.fake.FakeModelServer;

import static org.assertj.core.api.Assertions.assertThat;

class AnthropicProviderTest extends ProviderWireContractTest {

    @Override
    Provider provider() {
        return Provider.ANTHROPIC;
    }

    @Override
    FakeModelServer startServer() {
        return new AnthropicFakeServer();
    }

    @Override
    void assertReceivedCredentials(FakeModelServer.Received received) {
        assertThat(received.path()).isEqualTo("/v1/messages");
        assertThat(received.headers()).containsEntry("x-api-key", "test-key").containsKey("anthropic-version");
        assertThat(received.json().path("max_tokens").asInt()).isEqualTo(300);
        // Anthropic takes the system prompt apart from the messages
        assertThat(received.json().path("system").toString()).contains("Answer only from the numbered sources");
    }
}
