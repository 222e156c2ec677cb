package dev.fonte.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer to one question: the {@code POST /api/chat} response body, stable contract.
 *
 * @param answer    text with {@code [n]} markers; every marker has its citation and every citation is used
 * @param answered  false when the corpus does not support an answer (the text then says so, no citations)
 * @param language  ISO 639-1 code of the question's (and answer's) language, "it" or "en"
 * @param model     what composed the answer: "extractive", or e.g. "openai:gpt-4o-mini"
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Answer(String conversationId, String answer, boolean answered, String language,
                     List<Citation> citations, String model) {

    public Answer {
        citations = List.copyOf(citations);
    }
}
