package dev.fonte.answer;

import io.micronaut.core.annotation.Nullable;

/**
 * A question as the answer service receives it from any adapter (HTTP, SSE, Slack, widget, eval).
 *
 * @param text           the question, already trimmed and validated by the adapter (1 to {@link #MAX_LENGTH}
 *                       characters)
 * @param conversationId the conversation it belongs to; {@code null} starts a new one
 */
public record Question(String text, @Nullable String conversationId) {

    /** The longest question any adapter accepts, in characters after trimming: one limit for all of them. */
    public static final int MAX_LENGTH = 2000;

    public Question {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("question text is required");
        }
    }

    public static Question of(String text) {
        return new Question(text, null);
    }
}
