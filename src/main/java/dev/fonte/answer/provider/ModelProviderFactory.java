package dev.fonte.answer.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.net.URI;

/**
 * Builds the configured provider's {@link ChatModel} and {@link StreamingChatModel} with LangChain4j's own clients,
 * both named {@value #PROVIDER}. Only the configured provider's pair exists; with {@code extractive} there is none and
 * {@link ResilientChatModel} answers with the embedded default alone.
 *
 * <p>Retries are off ({@code maxRetries(0)}): the resilient wrapper owns the time budget, and a retry inside the
 * client would spend it on a provider that just failed.
 */
@Factory
public class ModelProviderFactory {

    /** The qualifier of the configured provider's models. */
    public static final String PROVIDER = "provider";

    static final String OLLAMA_DEFAULT_URL = "http://localhost:11434";
    /** OpenAI-compatible local servers (llama.cpp, vLLM, LM Studio) want some bearer token but check none. */
    static final String NO_KEY = "not-needed";

    @Singleton
    @Named(PROVIDER)
    @Requires(property = ProviderConfiguration.PREFIX + ".provider", value = "openai")
    ChatModel openAi(ProviderConfiguration config) {
        return OpenAiChatModel.builder()
                .baseUrl(config.baseUrlOrNull())
                .apiKey(openAiKey(config))
                .modelName(config.modelOrDefault())
                .temperature(config.temperature())
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0)
                .build();
    }

    @Singleton
    @Named(PROVIDER)
    @Requires(property = ProviderConfiguration.PREFIX + ".provider", value = "openai")
    StreamingChatModel openAiStreaming(ProviderConfiguration config) {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(StreamEndWatch.httpClientBuilder())
                .baseUrl(config.baseUrlOrNull())
                .apiKey(openAiKey(config))
                .modelName(config.modelOrDefault())
                .temperature(config.temperature())
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .build();
    }

    @Singleton
    @Named(PROVIDER)
    @Requires(property = ProviderConfiguration.PREFIX + ".provider", value = "ollama")
    ChatModel ollama(ProviderConfiguration config) {
        return OllamaChatModel.builder()
                .baseUrl(ollamaUrl(config))
                .modelName(config.modelOrDefault())
                .temperature(config.temperature())
                .numPredict(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0)
                .build();
    }

    @Singleton
    @Named(PROVIDER)
    @Requires(property = ProviderConfiguration.PREFIX + ".provider", value = "ollama")
    StreamingChatModel ollamaStreaming(ProviderConfiguration config) {
        return OllamaStreamingChatModel.builder()
                .httpClientBuilder(StreamEndWatch.httpClientBuilder())
                .baseUrl(ollamaUrl(config))
                .modelName(config.modelOrDefault())
                .temperature(config.temperature())
                .numPredict(config.maxTokens())
                .timeout(config.timeout())
                .build();
    }

    @Singleton
    @Named(PROVIDER)
    @Requires(property = ProviderConfiguration.PREFIX + ".provider", value = "anthropic")
    ChatModel anthropic(ProviderConfiguration config) {
        return AnthropicChatModel.builder()
                .baseUrl(config.baseUrlOrNull())
                .apiKey(requiredKey(config))
                .modelName(config.modelOrDefault())
                .temperature(config.temperature())
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0)
                .build();
    }

    @Singleton
    @Named(PROVIDER)
    @Requires(property = ProviderConfiguration.PREFIX + ".provider", value = "anthropic")
    StreamingChatModel anthropicStreaming(ProviderConfiguration config) {
        return AnthropicStreamingChatModel.builder()
                .httpClientBuilder(StreamEndWatch.httpClientBuilder())
                .baseUrl(config.baseUrlOrNull())
                .apiKey(requiredKey(config))
                .modelName(config.modelOrDefault())
                .temperature(config.temperature())
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .build();
    }

    private static String openAiKey(ProviderConfiguration config) {
        if (config.apiKey() != null && !config.apiKey().isBlank()) {
            return config.apiKey().strip();
        }
        if (config.baseUrlOrNull() != null) {
            checkUrl(config);
            return NO_KEY;
        }
        throw new ProviderConfigurationException("FONTE_PROVIDER=openai needs FONTE_API_KEY, or FONTE_BASE_URL "
                + "pointing at an OpenAI-compatible server (llama.cpp, vLLM, LM Studio)");
    }

    private static String requiredKey(ProviderConfiguration config) {
        checkUrl(config);
        if (config.apiKey() == null || config.apiKey().isBlank()) {
            throw new ProviderConfigurationException("FONTE_PROVIDER=" + config.kind().id() + " needs FONTE_API_KEY");
        }
        return config.apiKey().strip();
    }

    private static String ollamaUrl(ProviderConfiguration config) {
        checkUrl(config);
        return config.baseUrlOrNull() == null ? OLLAMA_DEFAULT_URL : config.baseUrlOrNull();
    }

    private static void checkUrl(ProviderConfiguration config) {
        String url = config.baseUrlOrNull();
        if (url == null) {
            return;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new ProviderConfigurationException("FONTE_BASE_URL is not a valid http(s) URL: " + url);
        }
    }
}
