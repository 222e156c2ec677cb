package dev.fonte.answer;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * What a streamed answer emits, in order: one {@link Sources}, zero or more {@link Delta}, one {@link Done}.
 * The SSE endpoint names the events {@code sources}, {@code delta} and {@code done}.
 */
public sealed interface AnswerEvent {

    /** The candidate passages the answer may cite (not all of them will be cited). */
    @Serdeable
    record Sources(List<Source> sources) implements AnswerEvent {
    }

    /** A piece of the answer text as it is produced; a {@code [n]} marker is never split across deltas. */
    @Serdeable
    record Delta(String text) implements AnswerEvent {
    }

    /** The final answer: exactly what {@code POST /api/chat} returns for the same question. */
    record Done(Answer answer) implements AnswerEvent {
    }

    /** A candidate source: a retrieved passage. */
    @Serdeable
    record Source(String id, String documentId, String title, String text, int start, int end, double score) {
    }
}
