package dev.fonte.eval.run;

import dev.fonte.eval.fixture.Assertion;
import dev.fonte.eval.fixture.Turn;
import dev.fonte.eval.target.Reply;
import dev.fonte.eval.target.SourceMatcher;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Optional;

/**
 * One asked question and how its answer fared.
 *
 * @param reply     null when the target gave no answer; {@code error} then says why
 * @param retrieval null when the turn names no source or got no answer
 * @param grounding how many of the answer's sentences their citations support; null for a refusal or no answer
 */
public record TurnResult(Turn turn, @Nullable Reply reply, List<Checked> checks, @Nullable Retrieval retrieval,
                         @Nullable String error, @Nullable GroundingScore grounding) {

    public TurnResult {
        checks = List.copyOf(checks);
    }

    public TurnResult(Turn turn, @Nullable Reply reply, List<Checked> checks, @Nullable Retrieval retrieval,
                      @Nullable String error) {
        this(turn, reply, checks, retrieval, error, null);
    }

    /** An assertion and its verdict on this turn's answer. */
    public record Checked(Assertion assertion, Assertion.Verdict verdict) {
    }

    /** Checks the reply against the turn's assertions and finds its named sources among the candidates. */
    public static TurnResult of(Turn turn, Reply reply, Optional<SourceMatcher> sources) {
        return of(turn, reply, sources, null);
    }

    /** ... and measures how many of the answer's sentences their citations support, when {@code grounding} is given. */
    public static TurnResult of(Turn turn, Reply reply, Optional<SourceMatcher> sources,
                                @Nullable GroundingCheck grounding) {
        Retrieval retrieval = turn.sources().isEmpty() ? null
                : sources.map(m -> Retrieval.of(turn.sources(), reply.candidates(), m)).orElse(null);
        return new TurnResult(turn, reply,
                turn.assertions().stream().map(a -> new Checked(a, a.check(reply.answer()))).toList(), retrieval, null,
                grounding == null ? null : grounding.score(reply.answer()));
    }

    static TurnResult failed(Turn turn, String error) {
        return new TurnResult(turn, null, List.of(), null, error);
    }

    public boolean passed() {
        return error == null && checks.stream().allMatch(c -> c.verdict().passed());
    }

    /** Correct, refused-right, missed, wrong-cited or other: see {@link Outcome}. */
    public Outcome outcome() {
        return Outcome.of(this);
    }

    public List<Checked> failures() {
        return checks.stream().filter(c -> !c.verdict().passed()).toList();
    }
}
