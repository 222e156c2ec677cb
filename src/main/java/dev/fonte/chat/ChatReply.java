package dev.fonte.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.fonte.answer.Answer;
import dev.fonte.slack.SlackAnswer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * What {@code POST /api/chat} returns, and the stream's {@code done} event carries: the answer's fields, and with
 * {@code "format": "slack"} a ready-to-post Block Kit {@code blocks} array beside them.
 */
@Serdeable
public record ChatReply(
        @JsonUnwrapped Answer answer,
        @Schema(description = "Block Kit blocks, only with \"format\": \"slack\"", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<Map<String, Object>> blocks) {

    static ChatReply of(Answer answer, boolean slack) {
        return new ChatReply(answer, slack ? SlackAnswer.of(answer).blocks() : null);
    }
}
