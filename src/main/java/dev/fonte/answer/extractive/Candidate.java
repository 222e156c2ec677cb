package dev.fonte.answer.extractive;

import dev.fonte.answer.AnswerRequest;
import dev.fonte.answer.AnswerWeights;

import java.util.List;
import java.util.Set;

/**
 * A source sentence as scored for one question.
 *
 * @param coverage   IDF-weighted share of the question's terms it says (its context counting in part)
 * @param criticalOk it says every name and number of the question (or its document's title does)
 * @param evidence   the fact it holds of the kind asked for, linked to the question's subject; null when none
 * @param typeOk     it holds that kind of fact (or none is asked for), about the question's names, in the years
 *                   asked, and names what a count counts or an amount measures
 * @param supported  it covers enough of the question
 * @param covered    the question's terms it says, by surface
 * @param uncovered  the question's words it does not say
 * @param score      the probability that it answers the question (see {@code AnswerWeights})
 * @param signals    what that probability weighs, in the order of {@code AnswerWeights.SIGNALS}
 */
record Candidate(AnswerRequest.Source source, ReadSentence sentence, double coverage, boolean criticalOk,
                 Fact evidence, boolean typeOk, boolean supported, double similarity, Set<String> covered,
                 List<String> uncovered, double score, double[] signals) {

    private static final int PROJECTION = AnswerWeights.SIGNALS.indexOf("projection");

    boolean passes() {
        return criticalOk && typeOk && supported;
    }

    /** Its fact is a projection, an estimate or a plan, and the question asked for none. */
    boolean projected() {
        return signals[PROJECTION] > 0;
    }
}
