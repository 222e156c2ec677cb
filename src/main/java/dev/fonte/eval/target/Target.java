package dev.fonte.eval.target;

import dev.fonte.eval.run.GroundingCheck;
import io.micronaut.core.annotation.Nullable;

import java.util.Optional;

/** What the harness evaluates: the in-process application, or a running server. Safe to call from several threads. */
public interface Target extends AutoCloseable {

    /**
     * Asks one question.
     *
     * @param conversationId the id a previous turn's answer returned; null starts a conversation
     * @throws TargetException when no answer could be obtained (connection refused, HTTP error, timeout)
     */
    Reply ask(String question, @Nullable String conversationId) throws TargetException;

    /**
     * How this target's retrieval candidates are matched to the passages fixtures name; empty when they cannot be,
     * and retrieval figures are then not measured.
     */
    default Optional<SourceMatcher> sources() {
        return Optional.of(SourceMatcher.BY_ID);
    }

    /**
     * How the harness measures grounding precision on this target's answers: with the served corpus's glossary and
     * documents when it has them, else from the answers alone ({@link GroundingCheck#standalone()}).
     */
    default GroundingCheck grounding() {
        return GroundingCheck.standalone();
    }

    /** For reports: "in-process" or the URL. */
    String describe();

    @Override
    void close();
}
