package dev.fonte.chat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.fonte.answer.Question;
import dev.fonte.http.StrictString;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/chat} and {@code POST /api/chat/stream}. Each field must be a JSON string (a number or
 * a boolean is a 400, never turned into text); the question is trimmed before it is checked.
 *
 * @param question       1 to {@link Question#MAX_LENGTH} characters after trimming, no control characters
 * @param conversationId optional; letters, digits and {@code . _ : -}, at most 128 characters
 * @param format         optional; "slack" adds a ready-to-post Block Kit {@code blocks} array
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = false)
public record ChatRequest(
        @Schema(description = "The question, in Italian or English", minLength = 1, maxLength = Question.MAX_LENGTH,
                requiredMode = Schema.RequiredMode.REQUIRED, example = "Quante GPU avrà Meta entro fine anno?")
        @Serdeable.Deserializable(using = StrictString.class)
        @NotBlank(message = "is required and must not be empty")
        @Size(max = Question.MAX_LENGTH, message = "is too long")
        @Pattern(regexp = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*", message = "contains control characters")
        @Nullable String question,
        @Schema(description = "The conversation a follow-up belongs to: the conversationId of an earlier answer",
                maxLength = 128, pattern = CONVERSATION_ID, nullable = true)
        @Serdeable.Deserializable(using = StrictString.class)
        @Pattern(regexp = CONVERSATION_ID, message = "must be 1 to 128 letters, digits or . _ : -")
        @Nullable String conversationId,
        @Schema(description = "json (default), or slack to add a ready-to-post Block Kit blocks array",
                allowableValues = {"json", "slack"}, nullable = true)
        @Serdeable.Deserializable(using = StrictString.class)
        @Pattern(regexp = "json|slack", message = "must be \"json\" or \"slack\"")
        @Nullable String format) {

    static final String CONVERSATION_ID = "[A-Za-z0-9._:-]{1,128}";

    public ChatRequest {
        question = question == null ? null : question.strip();
        conversationId = conversationId == null || conversationId.isEmpty() ? null : conversationId;
    }

    Question toQuestion() {
        return new Question(question, conversationId);
    }

    boolean slack() {
        return "slack".equals(format);
    }
}
