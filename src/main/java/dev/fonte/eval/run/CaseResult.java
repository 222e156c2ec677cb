package dev.fonte.eval.run;

import dev.fonte.eval.fixture.Case;

import java.util.List;

/** A case's turns as they were asked; a turn the target could not answer ends the case. */
public record CaseResult(Case testCase, List<TurnResult> turns) {

    public CaseResult {
        turns = List.copyOf(turns);
    }

    /** Every turn was asked, answered, and passed all its assertions. */
    public boolean passed() {
        return turns.size() == testCase.turns().size() && turns.stream().allMatch(TurnResult::passed);
    }

    /** The first turn that failed, for reports; the last turn when all passed. */
    public TurnResult decisiveTurn() {
        return turns.stream().filter(t -> !t.passed()).findFirst().orElse(turns.get(turns.size() - 1));
    }

    public long latencyMillis() {
        return turns.stream().filter(t -> t.reply() != null).mapToLong(t -> t.reply().latency().toMillis()).sum();
    }
}
