package dev.fonte.answer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.Duration;

/**
 * Bounds of the conversation memory and of follow-up resolution, so neither can grow without limit.
 *
 * @param maxConversations    conversations kept; the least recently used one is forgotten first
 * @param maxMessages         messages kept per conversation (a question and its answer are two)
 * @param ttl                 a conversation idle this long is forgotten
 * @param followUpWords       a question this short that leans on the previous one (by its language's cues) is a
 *                            follow-up
 * @param followUpAlwaysWords a question this short is a follow-up whatever its words
 * @param maxStandaloneWords  most words of a follow-up completed with the previous question
 */
@ConfigurationProperties(ConversationConfiguration.PREFIX)
public record ConversationConfiguration(
        @Min(1) @Max(1_000_000) @Bindable(defaultValue = "10000") int maxConversations,
        @Min(2) @Max(100) @Bindable(defaultValue = "10") int maxMessages,
        @Bindable(defaultValue = "30m") Duration ttl,
        @Min(1) @Max(50) @Bindable(defaultValue = "7") int followUpWords,
        @Min(0) @Max(10) @Bindable(defaultValue = "3") int followUpAlwaysWords,
        @Min(5) @Max(500) @Bindable(defaultValue = "40") int maxStandaloneWords) {

    public static final String PREFIX = "fonte.conversation";
}
