package dev.fonte.answer.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProviderConfigurationTest {

    @Test
    void given_no_configuration_then_the_embedded_default_is_used_and_no_provider_client_exists() {
        try (ApplicationContext context = ApplicationContext.run(Map.of())) {
            ProviderConfiguration config = context.getBean(ProviderConfiguration.class);

            assertThat(config.kind()).isEqualTo(Provider.EXTRACTIVE);
            assertThat(config.label()).isEqualTo("extractive");
            assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(context.findBean(ChatModel.class, Qualifiers.byName(ModelProviderFactory.PROVIDER))).isEmpty();
        }
    }

    @Test
    void given_an_openai_compatible_server_then_both_langchain4j_clients_are_built_for_it() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "fonte.answer.provider", "openai",
                "fonte.answer.model", "qwen2.5-7b-instruct",
                "fonte.answer.base-url", "http://127.0.0.1:8000/v1",
                "fonte.answer.temperature", "0.2",
                "fonte.answer.timeout", "5s",
                "fonte.answer.warm-up", "false"))) {
            ProviderConfiguration config = context.getBean(ProviderConfiguration.class);

            assertThat(config.label()).isEqualTo("openai:qwen2.5-7b-instruct");
            assertThat(config.temperature()).isEqualTo(0.2);
            assertThat(context.getBean(ChatModel.class, Qualifiers.byName(ModelProviderFactory.PROVIDER)))
                    .isInstanceOf(dev.langchain4j.model.openai.OpenAiChatModel.class);
            assertThat(context.getBean(StreamingChatModel.class, Qualifiers.byName(ModelProviderFactory.PROVIDER)))
                    .isInstanceOf(dev.langchain4j.model.openai.OpenAiStreamingChatModel.class);
        }
    }

    @Test
    void given_ollama_without_a_model_then_its_default_model_and_local_url_are_used() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("fonte.answer.provider", "ollama",
                "fonte.answer.warm-up", "false"))) {
            assertThat(context.getBean(ProviderConfiguration.class).label()).isEqualTo("ollama:llama3.2");
            assertThat(context.getBean(ChatModel.class, Qualifiers.byName(ModelProviderFactory.PROVIDER)))
                    .isInstanceOf(dev.langchain4j.model.ollama.OllamaChatModel.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"OpenAI, openai", "ANTHROPIC, anthropic", "' Ollama ', ollama", "Extractive, extractive"})
    void given_a_provider_name_in_any_case_then_it_is_that_provider(String written, String provider) {
        try (ApplicationContext context = ApplicationContext.run(Map.of("fonte.answer.provider", written,
                "fonte.answer.api-key", "test-key", "fonte.answer.warm-up", "false"))) {
            assertThat(context.getBean(ProviderConfiguration.class).kind().id()).isEqualTo(provider);
            assertThat(context.getBean(ResilientChatModel.class).hasProvider())
                    .isEqualTo(!provider.equals("extractive"));
        }
    }

    /**
     * Every bad value the application refuses at start: its environment variable and property, and what the one line
     * that stops the start must say (the variable, and the values it takes). The same values stop the packaged
     * application in {@link BadSettingsStopTheStartTest}.
     */
    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of("FONTE_PROVIDER", "fonte.answer.provider", "nonsense", "FONTE_PROVIDER",
                        "extractive, ollama, openai, anthropic"),
                Arguments.of("FONTE_PROVIDER", "fonte.answer.provider", "anthropic", "FONTE_API_KEY", "anthropic"),
                Arguments.of("FONTE_PROVIDER", "fonte.answer.provider", "openai", "FONTE_API_KEY", "FONTE_BASE_URL"),
                Arguments.of("FONTE_TEMPERATURE", "fonte.answer.temperature", "3", "FONTE_TEMPERATURE", "from 0 to 2"),
                Arguments.of("FONTE_TEMPERATURE", "fonte.answer.temperature", "warm", "FONTE_TEMPERATURE",
                        "from 0 to 2"),
                Arguments.of("FONTE_DEADLINE", "fonte.answer.deadline", "1s", "FONTE_DEADLINE", "at least the timeout"),
                Arguments.of("FONTE_DEADLINE", "fonte.answer.deadline", "soon", "FONTE_DEADLINE", "such as 60s"),
                Arguments.of("FONTE_MAX_TOKENS", "fonte.answer.max-tokens", "0", "FONTE_MAX_TOKENS", "at least 1"),
                Arguments.of("FONTE_WARM_UP", "fonte.answer.warm-up", "maybe", "FONTE_WARM_UP", "true or false"),
                Arguments.of("FONTE_BASE_URL", "fonte.answer.base-url", "localhost:11434", "FONTE_BASE_URL",
                        "http(s) URL"),
                Arguments.of("FONTE_GROUNDING", "fonte.answer.grounding.mode", "loose", "FONTE_GROUNDING",
                        "sentence, answer, off"));
    }

    @ParameterizedTest(name = "{0}={2}")
    @MethodSource("badValues")
    void given_a_bad_value_then_the_context_does_not_start_and_says_which_variable_takes_what(
            String variable, String key, String value, String names, String allowed) {
        assertThatThrownBy(() -> ApplicationContext.run(Map.of(key, value)).close())
                .hasStackTraceContaining(names).hasStackTraceContaining(allowed);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"http://proxy:8080, http://proxy:8080/v1/", "http://proxy:8080/, http://proxy:8080/v1/",
            "https://api.anthropic.com/v1, https://api.anthropic.com/v1/",
            "http://gw/anthropic/v1/, http://gw/anthropic/v1/"})
    void given_an_anthropic_base_url_with_or_without_its_version_then_the_client_gets_the_v1_url(String url,
                                                                                                 String expected) {
        ProviderConfiguration config = new ProviderConfiguration(Provider.ANTHROPIC, null, url, "k",
                Duration.ofSeconds(1), Duration.ofSeconds(2), 0, 10, 1, Duration.ofSeconds(1));

        assertThat(ModelProviderFactory.anthropicUrl(config)).isEqualTo(expected);
    }
}
