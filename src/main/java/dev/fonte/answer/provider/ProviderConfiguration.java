package dev.fonte.answer.provider;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.time.Duration;

/**
 * Which model writes the answers and how hard Fonte tries before it falls back to the embedded default.
 * Environment variables: FONTE_PROVIDER, FONTE_MODEL, FONTE_BASE_URL, FONTE_API_KEY, FONTE_TIMEOUT,
 * FONTE_TEMPERATURE, FONTE_MAX_TOKENS (mapped in application.yml).
 *
 * @param provider         extractive (default) | ollama | openai | anthropic
 * @param model            the provider's model name; blank takes the provider's default (see {@link #modelOrDefault()})
 * @param baseUrl          the server to call; blank takes the provider's public endpoint (Ollama: localhost:11434)
 * @param apiKey           needed by openai and anthropic (a local OpenAI-compatible server accepts any value)
 * @param timeout          one provider call, and the longest silence tolerated inside a streamed answer
 * @param deadline         the whole provider attempt, streaming included; the fallback answers right after it
 * @param temperature      sampling temperature sent to the provider (0 keeps answers close to the sources)
 * @param maxTokens        the longest answer the provider may write
 * @param breakerFailures  consecutive failures that open the circuit breaker
 * @param breakerOpenFor   how long an open breaker skips the provider before trying it again
 */
@ConfigurationProperties(ProviderConfiguration.PREFIX)
public record ProviderConfiguration(
        @NotNull @Pattern(regexp = "extractive|ollama|openai|anthropic", // lower case: @Requires compares it as written
                message = "must be one of extractive, ollama, openai, anthropic")
        @Bindable(defaultValue = "extractive") String provider,
        @Nullable String model,
        @Nullable String baseUrl,
        @Nullable String apiKey,
        @NotNull @Bindable(defaultValue = "20s") Duration timeout,
        @NotNull @Bindable(defaultValue = "60s") Duration deadline,
        @DecimalMin("0.0") @DecimalMax("2.0") @Bindable(defaultValue = "0.0") double temperature,
        @Min(1) @Bindable(defaultValue = "512") int maxTokens,
        @Min(1) @Bindable(defaultValue = "3") int breakerFailures,
        @NotNull @Bindable(defaultValue = "60s") Duration breakerOpenFor) {

    public static final String PREFIX = "fonte.answer";

    /** For code and tests: the same configuration from a {@link Provider}. */
    public ProviderConfiguration(Provider provider, @Nullable String model, @Nullable String baseUrl,
                                 @Nullable String apiKey, Duration timeout, Duration deadline, double temperature,
                                 int maxTokens, int breakerFailures, Duration breakerOpenFor) {
        this(provider.id(), model, baseUrl, apiKey, timeout, deadline, temperature, maxTokens, breakerFailures,
                breakerOpenFor);
    }

    /** The configured provider (validation has checked the name). */
    public Provider kind() {
        return Provider.valueOf(provider.toUpperCase(java.util.Locale.ROOT));
    }

    public ProviderConfiguration {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException(PREFIX + ".timeout must be positive, got " + timeout);
        }
        if (timeout != null && deadline != null && deadline.compareTo(timeout) < 0) {
            throw new IllegalArgumentException(PREFIX + ".deadline (" + deadline + ") must not be shorter than "
                    + PREFIX + ".timeout (" + timeout + ")");
        }
    }

    /** The configured model name, or the provider's usual small model when none is configured. */
    public String modelOrDefault() {
        if (model != null && !model.isBlank()) {
            return model.strip();
        }
        return switch (kind()) {
            case EXTRACTIVE -> "extractive";
            case OLLAMA -> "llama3.2";
            case OPENAI -> "gpt-4o-mini";
            case ANTHROPIC -> "claude-3-5-haiku-latest";
        };
    }

    /** The configured base URL, or null to let the LangChain4j client use its own default. */
    @Nullable
    public String baseUrlOrNull() {
        return baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
    }

    /** What {@code Answer.model} says when this provider answered, e.g. {@code openai:gpt-4o-mini}. */
    public String label() {
        return kind() == Provider.EXTRACTIVE ? "extractive" : kind().id() + ":" + modelOrDefault();
    }
}
