package dev.fonte.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a streamed answer emits, in order: one {@link Sources}, zero or more {@link Delta} (with a {@link Reset} when
 * the text streamed so far is withdrawn), one {@link Done}. The SSE endpoint names the events {@code sources},
 * {@code delta}, {@code reset} and {@code done}.
 */
public sealed interface AnswerEvent {

    /** The candidate passages the answer may cite (not all of them will be cited); none is {@code []}, not absent. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Sources(List<Source> sources) implements AnswerEvent {
    }

    /** A piece of the answer text as it is produced; a {@code [n]} marker is never split across deltas. */
    @Serdeable
    record Delta(String text) implements AnswerEvent {
    }

    /**
     * Every delta sent so far is withdrawn: the model that wrote them failed, and the answer that counts follows as
     * new deltas. A client clears what it showed of this answer.
     */
    @Serdeable
    record Reset(String reason) implements AnswerEvent {
    }

    /** The final answer: exactly what {@code POST /api/chat} returns for the same question. */
    record Done(Answer answer) implements AnswerEvent {
    }

    /**
     * A candidate source: a retrieved passage.
     *
     * @param id        its citation id ({@code documentId:start-end}), resolvable by {@code GET /api/citations/{id}}
     * @param passageId the passage's own id ({@code documentId.pN.sM}), as fixtures name sources
     * @param machineTranslation true when the text is a language model's translation; else null (absent)
     */
    @Serdeable
    record Source(String id, String documentId, String title, String text, int start, int end, double score,
                  @io.micronaut.core.annotation.Nullable String passageId,
                  @io.micronaut.core.annotation.Nullable Boolean machineTranslation) {

        public Source(String id, String documentId, String title, String text, int start, int end, double score) {
            this(id, documentId, title, text, start, end, score, null, null);
        }
    }
}
