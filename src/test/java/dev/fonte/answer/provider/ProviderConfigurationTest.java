package dev.fonte.answer.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.context.exceptions.DependencyInjectionException;
import io.micronaut.inject.qualifiers.Qualifiers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

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
                "fonte.answer.timeout", "5s"))) {
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
        try (ApplicationContext context = ApplicationContext.run(Map.of("fonte.answer.provider", "ollama"))) {
            assertThat(context.getBean(ProviderConfiguration.class).label()).isEqualTo("ollama:llama3.2");
            assertThat(context.getBean(ChatModel.class, Qualifiers.byName(ModelProviderFactory.PROVIDER)))
                    .isInstanceOf(dev.langchain4j.model.ollama.OllamaChatModel.class);
        }
    }

    @Test
    void given_anthropic_without_an_api_key_then_the_client_is_refused_with_a_clear_message() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("fonte.answer.provider", "anthropic"))) {
            assertThatThrownBy(() -> context.getBean(ChatModel.class, Qualifiers.byName(ModelProviderFactory.PROVIDER)))
                    .hasRootCauseInstanceOf(ProviderConfigurationException.class)
                    .rootCause().hasMessageContaining("FONTE_API_KEY");
        }
    }

    @Test
    void given_an_unknown_provider_then_the_configuration_is_refused() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("fonte.answer.provider", "gpt5"))) {
            assertThatThrownBy(() -> context.getBean(ProviderConfiguration.class))
                    .isInstanceOfAny(DependencyInjectionException.class, BeanInstantiationException.class);
        }
    }

    @Test
    void given_a_temperature_out_of_range_then_the_configuration_is_refused() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("fonte.answer.temperature", "3.5"))) {
            assertThatThrownBy(() -> context.getBean(ProviderConfiguration.class))
                    .hasMessageContaining("temperature");
        }
    }

    @Test
    void given_a_deadline_shorter_than_the_timeout_then_the_configuration_is_refused() {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "fonte.answer.timeout", "30s", "fonte.answer.deadline", "10s"))) {
            assertThatThrownBy(() -> context.getBean(ProviderConfiguration.class))
                    .hasStackTraceContaining("must not be shorter than");
        }
    }
}
