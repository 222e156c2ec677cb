package dev.fonte.eval.run;

import dev.fonte.answer.Answer;

/**
 * What became of one asked question, counted apart so that a wrong answer with citations (the worst outcome: it
 * looks grounded) is never mixed up with an honest refusal.
 */
public enum Outcome {

    /** Answerable, answered with at least one citation, and every assertion passed. */
    CORRECT("correct"),
    /** Unanswerable, and refused, in whatever language: a refusal in the wrong language still fails its case. */
    REFUSED_RIGHT("refused-right"),
    /** Answerable, but refused. */
    MISSED("missed"),
    /** Answered with citations but failing a content assertion, or any answer to an unanswerable question. */
    WRONG_CITED("wrong-cited"),
    /** Anything else: no answer at all (the target failed), an answer without citations, the wrong language. */
    OTHER("other");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** As reports print it: {@code wrong-cited}. */
    public String label() {
        return label;
    }

    static Outcome of(TurnResult turn) {
        if (turn.reply() == null) {
            return OTHER;
        }
        Answer answer = turn.reply().answer();
        if (turn.turn().expectsRefusal()) {
            return answer.answered() ? WRONG_CITED : REFUSED_RIGHT;
        }
        if (!answer.answered()) {
            return MISSED;
        }
        boolean cited = !answer.citations().isEmpty();
        if (cited && turn.passed()) {
            return CORRECT;
        }
        boolean contentFailed = turn.failures().stream().anyMatch(f -> f.assertion().aboutContent());
        return cited && contentFailed ? WRONG_CITED : OTHER;
    }
}
