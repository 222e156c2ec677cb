package dev.fonte.eval.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The outcomes of a set of asked questions (every turn of every case), and the rates quality bars are set on.
 * A rate is null when nothing measured it (no unanswerable question, say).
 *
 * @param turns               questions asked
 * @param accuracy            (correct + refused-right) / turns
 * @param answerableCorrect   correct / questions that should be answered
 * @param unanswerableRefused refused-right / questions that should be refused
 * @param wrongCitedRate      wrong-cited / turns
 */
@Serdeable
public record Outcomes(int turns, int correct, int refusedRight, int missed, int wrongCited, int other,
                       @Nullable Double accuracy, @Nullable Double answerableCorrect,
                       @Nullable Double unanswerableRefused, @Nullable Double wrongCitedRate) {

    public static Outcomes of(List<CaseResult> results) {
        int[] counts = new int[Outcome.values().length];
        int unanswerable = 0;
        int turns = 0;
        for (CaseResult c : results) {
            for (TurnResult t : c.turns()) {
                counts[t.outcome().ordinal()]++;
                unanswerable += t.turn().expectsRefusal() ? 1 : 0;
                turns++;
            }
        }
        int correct = counts[Outcome.CORRECT.ordinal()];
        int refusedRight = counts[Outcome.REFUSED_RIGHT.ordinal()];
        int wrongCited = counts[Outcome.WRONG_CITED.ordinal()];
        return new Outcomes(turns, correct, refusedRight, counts[Outcome.MISSED.ordinal()], wrongCited,
                counts[Outcome.OTHER.ordinal()], Metrics.ratio(correct + refusedRight, turns),
                Metrics.ratio(correct, turns - unanswerable), Metrics.ratio(refusedRight, unanswerable),
                Metrics.ratio(wrongCited, turns));
    }
}
