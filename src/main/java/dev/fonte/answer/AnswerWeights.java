package dev.fonte.answer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

/**
 * How the embedded engine weighs what a sentence says of a question ({@code fonte.answer.extractive.weights.*}): a
 * logistic model over the signals below, each in [0, 1]. A sentence that passes the engine's hard checks (the
 * question's names, the kind of fact asked for, its years) answers when its probability reaches {@code threshold}; the
 * most probable one is quoted. The defaults were fitted on the generality evaluation suite and the first three fresh
 * sets (24 news articles in three languages, questions written before the engine saw them) by
 * {@code dev.fonte.eval.FitWeights}, cross-validated by document; see src/docs/EXTRACTIVE.md.
 *
 * @param bias               the constant term
 * @param coverage           IDF-weighted share of the question's terms the sentence says (its context in part)
 * @param subject            share of the question's subject words (those some document uses) the sentence says
 * @param subjectContext     the same, words its neighbouring sentences say counting in part
 * @param document           share of the question's known words its document says anywhere
 * @param similarity         embedding similarity of question and sentence
 * @param rank               retrieval's rank of the sentence, as 1/rank
 * @param names              share of the question's names the sentence itself says
 * @param evidence           the sentence holds the kind of fact asked for
 * @param owner              that fact's nearest name is one of the question's
 * @param projection         that fact is a projection, an estimate or a plan the question did not ask for
 * @param unknown            share of the question's words no document uses (the same for every sentence)
 * @param open               the question asks for no particular kind of fact (yes/no, how, what is)
 * @param length             the sentence's length, in words over thirty (a heading is short)
 * @param own                in a follow-up, the sentence says something of what the asker just wrote
 * @param thing              it names what the question asks about ("which patients": patients)
 * @param clause             share of the question's terms said in the clause that holds the fact
 * @param rarest             it says the question's rarest subject word
 * @param wording            share of the question's adjacent word pairs it has too
 * @param unique             one over the number of facts of the asked kind it holds (one fact is no guess)
 * @param lead               its coverage less the best of the other sources that pass the hard checks
 * @param only               no other source passes the hard checks
 * @param foreign            the sentence is in another language than the question (its wording and embedding
 *                           similarity say less)
 * @param foreignRank        for a sentence in another language, retrieval's rank as {@code rank} (0 otherwise): its
 *                           place in the whole list weighs differently, as one ranking found it where two find the
 *                           question's own language's
 * @param languageRank       for a sentence in another language, one over its place in its language's own ranking of
 *                           the question carried into it (0 otherwise, and when that ranking did not reach it)
 * @param carriedSimilarity  for a sentence in another language, its embedding similarity to the question carried into
 *                           its language (0 otherwise)
 * @param threshold          the probability a sentence needs to answer
 */
@ConfigurationProperties(AnswerWeights.PREFIX)
public record AnswerWeights(
        @Bindable(defaultValue = "-2.096") double bias,
        @Bindable(defaultValue = "0.697") double coverage,
        @Bindable(defaultValue = "0.303") double subject,
        @Bindable(defaultValue = "0.416") double subjectContext,
        @Bindable(defaultValue = "0.572") double document,
        @Bindable(defaultValue = "0.616") double similarity,
        @Bindable(defaultValue = "1.160") double rank,
        @Bindable(defaultValue = "-0.265") double names,
        @Bindable(defaultValue = "0.168") double evidence,
        @Bindable(defaultValue = "0.064") double owner,
        @Bindable(defaultValue = "-0.163") double projection,
        @Bindable(defaultValue = "-0.084") double unknown,
        @Bindable(defaultValue = "-0.182") double open,
        @Bindable(defaultValue = "0.049") double length,
        @Bindable(defaultValue = "-0.014") double own,
        @Bindable(defaultValue = "0.044") double thing,
        @Bindable(defaultValue = "0.638") double clause,
        @Bindable(defaultValue = "0.361") double rarest,
        @Bindable(defaultValue = "0.336") double wording,
        @Bindable(defaultValue = "-0.252") double unique,
        @Bindable(defaultValue = "1.746") double lead,
        @Bindable(defaultValue = "0.309") double only,
        @Bindable(defaultValue = "-0.75") double foreign,
        @Bindable(defaultValue = "-0.9") double foreignRank,
        @Bindable(defaultValue = "0.3") double languageRank,
        @Bindable(defaultValue = "1.0") double carriedSimilarity,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.65") double threshold) {

    public static final String PREFIX = "fonte.answer.extractive.weights";

    /** The names of the signals, in the order of {@link #vector()}. */
    public static final java.util.List<String> SIGNALS = java.util.List.of("coverage", "subject", "subjectContext",
            "document", "similarity", "rank", "names", "evidence", "owner", "projection", "unknown", "open", "length",
            "own", "thing", "clause", "rarest", "wording", "unique", "lead", "only", "foreign", "foreignRank",
            "languageRank", "carriedSimilarity");

    /** The weights of the signals, in the order of {@link #SIGNALS}. */
    public double[] vector() {
        return new double[] {coverage, subject, subjectContext, document, similarity, rank, names, evidence, owner,
                projection, unknown, open, length, own, thing, clause, rarest, wording, unique, lead, only, foreign,
                foreignRank, languageRank, carriedSimilarity};
    }

    /** The model's probability for a sentence's signals. */
    public double probability(double[] signals) {
        double z = bias;
        double[] w = vector();
        for (int i = 0; i < w.length; i++) {
            z += w[i] * signals[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** The same weights with another threshold. */
    public AnswerWeights withThreshold(double value) {
        return new AnswerWeights(bias, coverage, subject, subjectContext, document, similarity, rank, names, evidence,
                owner, projection, unknown, open, length, own, thing, clause, rarest, wording, unique, lead, only,
                foreign, foreignRank, languageRank, carriedSimilarity, value);
    }

    /** The configured defaults above, for code that weighs without a configuration (the engine's tests). */
    public static AnswerWeights defaults() {
        return new AnswerWeights(-2.096, 0.697, 0.303, 0.416, 0.572, 0.616, 1.160, -0.265, 0.168, 0.064, -0.163,
                -0.084, -0.182, 0.049, -0.014, 0.044, 0.638, 0.361, 0.336, -0.252, 1.746, 0.309, -0.75, -0.9, 0.3, 1.0,
                0.65);
    }
}
