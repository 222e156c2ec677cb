package dev.fonte.answer.provider;

import dev.fonte.answer.provider.fake.FakeModelServer;
import dev.fonte.answer.provider.fake.OllamaFakeServer;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import org.junit.jupiter.api.Test;

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

    @Test
    void given_a_prompt_longer_than_ollamas_default_window_then_the_window_asked_for_fits_it() {
        server.replies(GROUNDED);
        String prompt = "Sources:\n"
                + "[1] Meta prevede investimenti fino a 65 miliardi di dollari nel 2025.\n".repeat(300)
                + "Question: Quanto investirà Meta?";
        ChatRequest request = ChatRequest.builder().messages(UserMessage.from(prompt)).build();

        model.chat(request, fallback);
        int window = server.lastRequest().json().path("options").path("num_ctx").asInt();
        model.chat(request(), fallback);
        int small = server.lastRequest().json().path("options").path("num_ctx").asInt();

        // at most three characters a token, and room for the 300-token answer
        assertThat(window).isGreaterThanOrEqualTo(prompt.length() / 3 + 300).isLessThanOrEqualTo(32768);
        assertThat(Integer.bitCount(window)).as("a power of two: Ollama reloads the model for each new size").isOne();
        assertThat(small).isEqualTo(4096);
    }

    @Override
    void assertReceivedCredentials(FakeModelServer.Received received) {
        assertThat(received.path()).isEqualTo("/api/chat");
        assertThat(received.headers()).doesNotContainKey("authorization");
        assertThat(received.json().path("options").path("num_predict").asInt()).isEqualTo(300);
    }
}
