package dev.fonte.eval.run;

import dev.fonte.eval.fixture.Assertion;
import dev.fonte.eval.fixture.Turn;
import dev.fonte.eval.target.Reply;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * One asked question and how its answer fared.
 *
 * @param reply null when the target gave no answer; {@code error} then says why
 */
public record TurnResult(Turn turn, @Nullable Reply reply, List<Checked> checks, @Nullable String error) {

    public TurnResult {
        checks = List.copyOf(checks);
    }

    /** An assertion and its verdict on this turn's answer. */
    public record Checked(Assertion assertion, Assertion.Verdict verdict) {
    }

    static TurnResult of(Turn turn, Reply reply) {
        return new TurnResult(turn, reply,
                turn.assertions().stream().map(a -> new Checked(a, a.check(reply.answer()))).toList(), null);
    }

    static TurnResult failed(Turn turn, String error) {
        return new TurnResult(turn, null, List.of(), error);
    }

    public boolean passed() {
        return error == null && checks.stream().allMatch(c -> c.verdict().passed());
    }

    public List<Checked> failures() {
        return checks.stream().filter(c -> !c.verdict().passed()).toList();
    }
}
