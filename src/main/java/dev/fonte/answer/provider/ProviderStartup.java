package dev.fonte.answer.provider;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The provider, ready when the application starts. Creating it at start reads and checks the configuration and
 * builds the LangChain4j clients, so that a bad value stops the start (with one line naming its environment
 * variable and the values it takes) instead of failing every question; then, unless {@code FONTE_WARM_UP=false},
 * one small call warms the clients up in the background while the index is being built.
 */
@Context
public class ProviderStartup {

    /**
     * A setting that must read as its type: Micronaut would silently take the default for one that does not (and
     * read any word but "true" as false).
     */
    private record Setting(String key, String variable, Class<?> type, String expected) {
    }

    private static final List<Setting> TYPED = List.of(
            new Setting("fonte.answer.timeout", "FONTE_TIMEOUT", Duration.class, "a duration such as 20s"),
            new Setting("fonte.answer.deadline", "FONTE_DEADLINE", Duration.class, "a duration such as 60s"),
            new Setting("fonte.answer.temperature", "FONTE_TEMPERATURE", Double.class, "a number from 0 to 2"),
            new Setting("fonte.answer.max-tokens", "FONTE_MAX_TOKENS", Integer.class, "a whole number of at least 1"),
            new Setting("fonte.answer.warm-up", "FONTE_WARM_UP", Boolean.class, "true or false"),
            new Setting("fonte.answer.breaker-failures", null, Integer.class, "a whole number of at least 1"),
            new Setting("fonte.answer.breaker-open-for", null, Duration.class, "a duration such as 60s"),
            new Setting("fonte.answer.grounding.min-word-share", null, Double.class, "a number from 0 to 1"),
            new Setting(OllamaConfiguration.PREFIX + ".min-context", null, Integer.class, "a whole number of tokens"),
            new Setting(OllamaConfiguration.PREFIX + ".max-context", null, Integer.class, "a whole number of tokens"),
            new Setting(OllamaConfiguration.PREFIX + ".chars-per-token", null, Double.class, "a number from 1 to 10"));

    private final CompletableFuture<Duration> warmedUp;

    public ProviderStartup(Environment environment, ProviderConfiguration config, ResilientChatModel provider) {
        checkTypes(environment);
        this.warmedUp = config.warmUp() ? provider.warmUp() : CompletableFuture.completedFuture(Duration.ZERO);
    }

    private static void checkTypes(Environment environment) {
        for (Setting s : TYPED) {
            String raw = environment.getProperty(s.key(), String.class).orElse("").strip();
            boolean readable = s.type() == Boolean.class ? raw.matches("(?i)true|false")
                    : environment.getProperty(s.key(), s.type()).isPresent();
            if (!raw.isEmpty() && !readable) {
                throw new ProviderConfigurationException((s.variable() == null ? s.key()
                        : s.variable() + " (" + s.key() + ")") + " is \"" + raw + "\"; it must be " + s.expected());
            }
        }
    }

    /** Completes when the warm-up call is over, well or not (at once without a language model). */
    public CompletableFuture<Duration> warmedUp() {
        return warmedUp.exceptionally(error -> Duration.ZERO);
    }
}
