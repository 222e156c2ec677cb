package dev.fonte.answer.provider;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

/**
 * Ollama's context window ({@code num_ctx}), sized to each prompt: Ollama cuts a prompt longer than its window
 * without a word, and its default window (2048 tokens in older versions) is shorter than Fonte's prompt with its
 * numbered sources. The window is the prompt's estimated tokens plus the answer's, rounded up to a power of two:
 * Ollama reloads the model whenever the window changes, so few distinct sizes keep reloads rare.
 *
 * @param minContext    the smallest window asked for (the usual prompt fits it, and the warm-up uses it)
 * @param maxContext    the largest: a longer prompt is sent with this window (the model's own limit may be lower)
 * @param charsPerToken characters of prompt counted as one token (cautious: Italian runs about 3, English about 4)
 */
@ConfigurationProperties(OllamaConfiguration.PREFIX)
public record OllamaConfiguration(
        @Min(512) @Bindable(defaultValue = "4096") int minContext,
        @Min(512) @Bindable(defaultValue = "32768") int maxContext,
        @DecimalMin("1.0") @DecimalMax("10.0") @Bindable(defaultValue = "3.0") double charsPerToken) {

    public static final String PREFIX = "fonte.answer.ollama";

    public OllamaConfiguration {
        if (maxContext < minContext) {
            throw new ProviderConfigurationException(PREFIX + ".max-context (" + maxContext + ") must be at least "
                    + PREFIX + ".min-context (" + minContext + ")");
        }
    }

    public static OllamaConfiguration defaults() {
        return new OllamaConfiguration(4096, 32768, 3.0);
    }

    /** The window for a prompt of {@code promptChars} characters and an answer of up to {@code answerTokens}. */
    public int contextFor(int promptChars, int answerTokens) {
        long needed = (long) Math.ceil(promptChars / charsPerToken) + answerTokens;
        long window = Integer.highestOneBit((int) Math.min(Integer.MAX_VALUE / 2, Math.max(1, needed - 1))) * 2L;
        return (int) Math.max(minContext, Math.min(maxContext, window));
    }

    /** The request with Ollama's window set for its prompt. */
    ChatRequest fit(ChatRequest request, int answerTokens) {
        int chars = request.messages().stream().mapToInt(OllamaConfiguration::length).sum();
        return ChatRequest.builder().messages(request.messages())
                .parameters(OllamaChatRequestParameters.builder().overrideWith(request.parameters())
                        .numCtx(contextFor(chars, answerTokens)).build())
                .build();
    }

    private static int length(ChatMessage message) {
        if (message instanceof SystemMessage s) {
            return s.text().length();
        }
        if (message instanceof UserMessage u && u.hasSingleText()) {
            return u.singleText().length();
        }
        if (message instanceof AiMessage a && a.text() != null) {
            return a.text().length();
        }
        return 0;
    }
}
