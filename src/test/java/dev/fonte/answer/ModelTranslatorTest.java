package dev.fonte.answer;

import dev.fonte.answer.provider.Provider;
import dev.fonte.answer.provider.ProviderConfiguration;
import dev.fonte.answer.provider.fake.OpenAiFakeServer;
import dev.fonte.corpus.TranslationException;
import dev.fonte.corpus.translation.TranslationConfiguration;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The translator over LangChain4j's OpenAI client, against a local fake of the OpenAI wire protocol. */
class ModelTranslatorTest {

    final OpenAiFakeServer server = new OpenAiFakeServer();
    final TranslationConfiguration translation = new TranslationConfiguration(true, List.of(), "off", 3, 1024);

    @AfterEach
    void stop() {
        server.close();
    }

    ProviderConfiguration provider(String baseUrl) {
        return new ProviderConfiguration(Provider.OPENAI, "small-model", baseUrl, "test-key", Duration.ofSeconds(5),
                Duration.ofSeconds(5), 0.0, 512, 3, Duration.ofSeconds(60));
    }

    ModelTranslator translator() {
        ChatModel model = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("test-key")
                .modelName("small-model").timeout(Duration.ofSeconds(5)).maxRetries(0).build();
        return new ModelTranslator(model, provider(server.baseUrl()), translation);
    }

    @Test
    void asks_for_the_translation_only_line_for_line_and_returns_the_reply() {
        server.replies("The bridge is open.\nIt is 240 metres long.");

        String reply = translator().translate("Il ponte è aperto.\nÈ lungo 240 metri.", "it", "en");

        assertThat(reply).isEqualTo("The bridge is open.\nIt is 240 metres long.");
        var request = server.lastRequest().json();
        String system = request.path("messages").get(0).path("content").asText();
        assertThat(system).contains("from Italian into English").contains("translation only")
                .contains("2 line(s)").contains("Keep every name, number");
        assertThat(request.path("messages").get(1).path("content").asText())
                .isEqualTo("Il ponte è aperto.\nÈ lungo 240 metri.");
        assertThat(request.path("max_tokens").asInt()).as("the translation's own budget").isEqualTo(1024);
    }

    @Test
    void a_provider_error_is_a_translation_failure_naming_the_model() {
        server.failsWith(503);

        assertThatThrownBy(() -> translator().translate("Il ponte è aperto.", "it", "en"))
                .isInstanceOf(TranslationException.class)
                .hasMessage("openai:small-model failed (HTTP 5xx)");
    }

    @Test
    void a_reply_cut_at_the_token_limit_is_not_a_translation() {
        ChatModel cut = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from("The bridge"))
                        .finishReason(FinishReason.LENGTH).build();
            }
        };
        ModelTranslator translator = new ModelTranslator(cut, provider(null), translation);

        assertThatThrownBy(() -> translator.translate("Il ponte è aperto.", "it", "en"))
                .hasMessageContaining("stopped at the token limit");
    }

    @Test
    void another_model_or_server_is_another_identity() {
        ModelTranslator here = translator();
        ModelTranslator elsewhere = new ModelTranslator(echo(), provider("http://127.0.0.1:1/v1"), translation);

        assertThat(here.identity()).contains("openai").contains("small-model").contains(server.baseUrl());
        assertThat(elsewhere.identity()).isNotEqualTo(here.identity());
        assertThat(here.name()).isEqualTo("openai:small-model");
    }

    private static ChatModel echo() {
        return new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from("x")).build();
            }
        };
    }
}
