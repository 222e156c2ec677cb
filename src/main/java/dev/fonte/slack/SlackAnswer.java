package dev.fonte.slack;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.fonte.answer.Answer;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/chat} with {@code "format": "slack"}: the usual answer JSON plus a ready-to-post Block Kit
 * {@code blocks} array, so another Slack bot can post it as is.
 */
@Serdeable
public record SlackAnswer(@JsonUnwrapped Answer answer, List<Map<String, Object>> blocks) {

    public static SlackAnswer of(Answer answer) {
        return new SlackAnswer(answer, SlackBlocks.render(answer));
    }
}
