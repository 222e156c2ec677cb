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
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * Builds the configured provider's {@link ChatModel} and {@link StreamingChatModel} with LangChain4j's own clients,
 * both named {@value #PROVIDER}. Only a configured language model has them; with {@code extractive} there is none
 * and {@link ResilientChatModel} answers with the embedded default alone. The configuration was checked when it was
 * read ({@link ProviderConfiguration}): a key the provider needs is there, a base URL is an http(s) URL.
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
    @Requires(condition = LanguageModelConfigured.class)
    ChatModel chatModel(ProviderConfiguration config) {
        return switch (config.kind()) {
            case OPENAI -> openAi(config);
            case OLLAMA -> ollama(config);
            case ANTHROPIC -> anthropic(config);
            case EXTRACTIVE -> throw new IllegalStateException("the embedded default has no LangChain4j model");
        };
    }

    @Singleton
    @Named(PROVIDER)
    @Requires(condition = LanguageModelConfigured.class)
    StreamingChatModel streamingChatModel(ProviderConfiguration config) {
        return switch (config.kind()) {
            case OPENAI -> openAiStreaming(config);
            case OLLAMA -> ollamaStreaming(config);
            case ANTHROPIC -> anthropicStreaming(config);
            case EXTRACTIVE -> throw new IllegalStateException("the embedded default has no LangChain4j model");
        };
    }

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

    StreamingChatModel openAiStreaming(ProviderConfiguration config) {
        return OpenAiStreamingChatModel.builder()
                .httpClientBuilder(StreamWatch.httpClientBuilder())
                .baseUrl(config.baseUrlOrNull())
                .apiKey(openAiKey(config))
                .modelName(config.modelOrDefault())
                .temperature(config.temperature())
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .build();
    }

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

    StreamingChatModel ollamaStreaming(ProviderConfiguration config) {
        return OllamaStreamingChatModel.builder()
                .httpClientBuilder(StreamWatch.httpClientBuilder())
                .baseUrl(ollamaUrl(config))
                .modelName(config.modelOrDefault())
                .temperature(config.temperature())
                .numPredict(config.maxTokens())
                .timeout(config.timeout())
                .build();
    }

    ChatModel anthropic(ProviderConfiguration config) {
        return AnthropicChatModel.builder()
                .baseUrl(anthropicUrl(config))
                .apiKey(config.apiKeyOrNull())
                .modelName(config.modelOrDefault())
                .temperature(config.temperature())
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .maxRetries(0)
                .build();
    }

    StreamingChatModel anthropicStreaming(ProviderConfiguration config) {
        return AnthropicStreamingChatModel.builder()
                .httpClientBuilder(StreamWatch.httpClientBuilder())
                .baseUrl(anthropicUrl(config))
                .apiKey(config.apiKeyOrNull())
                .modelName(config.modelOrDefault())
                .temperature(config.temperature())
                .maxTokens(config.maxTokens())
                .timeout(config.timeout())
                .build();
    }

    private static String openAiKey(ProviderConfiguration config) {
        return config.apiKeyOrNull() != null ? config.apiKeyOrNull() : NO_KEY;
    }

    private static String ollamaUrl(ProviderConfiguration config) {
        return config.baseUrlOrNull() == null ? OLLAMA_DEFAULT_URL : config.baseUrlOrNull();
    }

    /**
     * Anthropic's client posts to the base URL followed by {@code messages}, so the URL must end with the API's
     * version, {@code /v1}: a server's root ({@code http://proxy:8080}) or its {@code /v1} URL are both taken, the
     * version added when it is missing.
     */
    @Nullable
    static String anthropicUrl(ProviderConfiguration config) {
        String url = config.baseUrlOrNull();
        if (url == null) {
            return null;
        }
        String bare = url.replaceAll("/+$", "");
        return (bare.endsWith("/v1") ? bare : bare + "/v1") + "/";
    }
}
