package dev.fonte.answer.provider;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which model writes the answers and how hard Fonte tries before it falls back to the embedded default.
 * Environment variables: FONTE_PROVIDER, FONTE_MODEL, FONTE_BASE_URL, FONTE_API_KEY, FONTE_TIMEOUT, FONTE_DEADLINE,
 * FONTE_TEMPERATURE, FONTE_MAX_TOKENS, FONTE_WARM_UP (mapped in application.yml).
 *
 * <p>Every value is checked when the application starts ({@link ProviderStartup}): a bad one stops the start with
 * one line that names its environment variable and the values it takes, rather than failing every question later.
 *
 * @param provider         extractive (default) | ollama | openai | anthropic, in any case
 * @param model            the provider's model name; blank takes the provider's default (see {@link #modelOrDefault()})
 * @param baseUrl          the server to call; blank takes the provider's public endpoint (Ollama: localhost:11434)
 * @param apiKey           needed by openai without a base URL, and by anthropic
 * @param timeout          one provider call, and the longest silence tolerated inside a streamed answer
 * @param deadline         the whole provider attempt, streaming included; the fallback answers right after it
 * @param temperature      sampling temperature sent to the provider (0 keeps answers close to the sources)
 * @param maxTokens        the longest answer the provider may write
 * @param breakerFailures  consecutive failures that open the circuit breaker
 * @param breakerOpenFor   how long an open breaker skips the provider before trying it again
 * @param warmUp           one small call through the provider's clients at start, so that the first question does
 *                         not pay for loading them, opening the connection, or (Ollama) loading the model
 */
@ConfigurationProperties(ProviderConfiguration.PREFIX)
public record ProviderConfiguration(
        @Bindable(defaultValue = "extractive") String provider,
        @Nullable String model,
        @Nullable String baseUrl,
        @Nullable String apiKey,
        @NotNull @Bindable(defaultValue = "20s") Duration timeout,
        @NotNull @Bindable(defaultValue = "60s") Duration deadline,
        @DecimalMin(value = "0.0", message = TEMPERATURE) @DecimalMax(value = "2.0", message = TEMPERATURE)
        @Bindable(defaultValue = "0.0") double temperature,
        @Min(value = 1, message = MAX_TOKENS) @Bindable(defaultValue = "512") int maxTokens,
        @Min(value = 1, message = BREAKER_FAILURES) @Bindable(defaultValue = "3") int breakerFailures,
        @NotNull @Bindable(defaultValue = "60s") Duration breakerOpenFor,
        @Bindable(defaultValue = "true") boolean warmUp) {

    public static final String PREFIX = "fonte.answer";

    static final String TEMPERATURE = "FONTE_TEMPERATURE (fonte.answer.temperature) must be a number from 0 to 2";
    static final String MAX_TOKENS = "FONTE_MAX_TOKENS (fonte.answer.max-tokens) must be a whole number of at least 1";
    static final String BREAKER_FAILURES = "fonte.answer.breaker-failures must be a whole number of at least 1";

    /** For code and tests: the same configuration from a {@link Provider}, warmed up at start. */
    public ProviderConfiguration(Provider provider, @Nullable String model, @Nullable String baseUrl,
                                 @Nullable String apiKey, Duration timeout, Duration deadline, double temperature,
                                 int maxTokens, int breakerFailures, Duration breakerOpenFor) {
        this(provider.id(), model, baseUrl, apiKey, timeout, deadline, temperature, maxTokens, breakerFailures,
                breakerOpenFor, true);
    }

    public ProviderConfiguration {
        provider = provider == null ? "" : provider.strip().toLowerCase(Locale.ROOT);
        String name = provider;
        if (Arrays.stream(Provider.values()).noneMatch(p -> p.id().equals(name))) {
            throw new ProviderConfigurationException("FONTE_PROVIDER (fonte.answer.provider) is \"" + name
                    + "\"; allowed values: " + Arrays.stream(Provider.values()).map(Provider::id)
                    .collect(Collectors.joining(", ")) + " (any case)");
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new ProviderConfigurationException("FONTE_TIMEOUT (fonte.answer.timeout) is " + text(timeout)
                    + "; it must be a positive duration such as 20s");
        }
        if (timeout != null && deadline != null && deadline.compareTo(timeout) < 0) {
            throw new ProviderConfigurationException("FONTE_DEADLINE (fonte.answer.deadline) is " + text(deadline)
                    + ", shorter than FONTE_TIMEOUT (" + text(timeout) + "); it must be at least the timeout, "
                    + "such as 60s");
        }
        checkUrl(baseUrl);
        Provider kind = Provider.valueOf(name.toUpperCase(Locale.ROOT));
        boolean keyless = apiKey == null || apiKey.isBlank();
        if (kind == Provider.OPENAI && keyless && (baseUrl == null || baseUrl.isBlank())) {
            throw new ProviderConfigurationException("FONTE_PROVIDER=openai needs FONTE_API_KEY, or FONTE_BASE_URL "
                    + "pointing at an OpenAI-compatible server (llama.cpp, vLLM, LM Studio)");
        }
        if (kind == Provider.ANTHROPIC && keyless) {
            throw new ProviderConfigurationException("FONTE_PROVIDER=anthropic needs FONTE_API_KEY");
        }
    }

    private static void checkUrl(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        try {
            URI uri = URI.create(url.strip());
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
        } catch (IllegalArgumentException e) {
            throw new ProviderConfigurationException("FONTE_BASE_URL (fonte.answer.base-url) is \"" + url.strip()
                    + "\"; it must be an http(s) URL such as http://localhost:11434");
        }
    }

    private static String text(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** The configured provider. */
    public Provider kind() {
        return Provider.valueOf(provider.toUpperCase(Locale.ROOT));
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

    /** The configured API key, or null. */
    @Nullable
    public String apiKeyOrNull() {
        return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }

    /** What {@code Answer.model} says when this provider answered, e.g. {@code openai:gpt-4o-mini}. */
    public String label() {
        return kind() == Provider.EXTRACTIVE ? "extractive" : kind().id() + ":" + modelOrDefault();
    }
}
