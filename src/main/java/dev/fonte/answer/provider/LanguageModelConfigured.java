package dev.fonte.answer.provider;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

import java.util.Locale;

/**
 * Whether a language model is configured: a provider other than {@code extractive}, in any case ("OpenAI" is
 * openai). {@code @Requires(property, value)} compares the value as written, so it cannot say this.
 */
public final class LanguageModelConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context) {
        String provider = context.getProperty(ProviderConfiguration.PREFIX + ".provider", String.class)
                .orElse(Provider.EXTRACTIVE.id());
        return !provider.strip().toLowerCase(Locale.ROOT).equals(Provider.EXTRACTIVE.id());
    }
}
