package dev.fonte.answer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * Bounds of the conversation memory, so it cannot grow without limit.
 *
 * @param maxConversations conversations kept; the least recently used one is forgotten first
 * @param maxMessages      messages kept per conversation (a question and its answer are two)
 * @param ttl              a conversation idle this long is forgotten
 */
@ConfigurationProperties(ConversationConfiguration.PREFIX)
public record ConversationConfiguration(
        @Min(1) @Max(1_000_000) @Bindable(defaultValue = "10000") int maxConversations,
        @Min(2) @Max(100) @Bindable(defaultValue = "10") int maxMessages,
        @Bindable(defaultValue = "30m") Duration ttl) {

    public static final String PREFIX = "fonte.conversation";
}
