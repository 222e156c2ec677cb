package dev.fonte.eval.target;

import dev.fonte.answer.AnswerEvent;
import dev.fonte.corpus.Passage;

import java.util.Optional;
import java.util.function.Function;

/** Decides whether a retrieval candidate is (inside) a passage a fixture names as a case's source. */
@FunctionalInterface
public interface SourceMatcher {

    boolean matches(AnswerEvent.Source candidate, String source);

    /** By id: equal, or inside it ({@code ...p5} holds {@code ...p5.s2}). */
    SourceMatcher BY_ID = (candidate, source) -> {
        String id = candidate.passageId() != null ? candidate.passageId() : candidate.id();
        return id.equals(source) || id.startsWith(source + ".");
    };

    /**
     * By id, or by span: the candidate's span overlaps the named passage in the same document. Candidates whose id
     * is a citation id ({@code documentId:start-end}) need this.
     */
    static SourceMatcher bySpan(Function<String, Optional<Passage>> passages) {
        return (candidate, source) -> BY_ID.matches(candidate, source) || passages.apply(source)
                .filter(p -> p.documentId().equals(candidate.documentId())
                        && candidate.start() < p.end() && p.start() < candidate.end())
                .isPresent();
    }
}
