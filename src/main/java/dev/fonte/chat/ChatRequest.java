package dev.fonte.chat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /api/chat} and {@code POST /api/chat/stream}.
 *
 * @param question       1 to 2000 characters after trimming
 * @param conversationId optional; letters, digits and {@code . _ : -}, at most 128 characters
 * @param format         optional; "slack" adds a ready-to-post Block Kit {@code blocks} array
 */
@Serdeable
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = false)
public record ChatRequest(@Nullable String question, @Nullable String conversationId, @Nullable String format) {
}
