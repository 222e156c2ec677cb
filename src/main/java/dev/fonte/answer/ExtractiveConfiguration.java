package dev.fonte.answer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Tuning of the embedded extractive engine ({@code fonte.answer.extractive.*}). Every number the engine weighs with
 * is here; none is written in its code.
 *
 * @param minCoverage        share of a question's content terms (IDF-weighted) a sentence must cover to answer it
 * @param minCoverageOpen    the same for a question that asks for no particular kind of fact (yes/no, how, what
 *                           is): with no fact to look for, more of its words must be there
 * @param maxSentences       most sentences in an answer
 * @param summarySentences   sentences in a summary
 * @param minClauseWords     a clause shorter than this is not quoted alone out of its sentence
 * @param minSimilarity      a sentence this close to the question in embedding space (cosine) may answer with less
 *                           coverage: paraphrases share meaning, not words
 * @param minCoverageWithSimilarity the coverage still required of such a sentence
 * @param similarityWeight   weight of the embedding similarity when ranking sentences that can answer
 * @param maxMissingNamed    a refusal names the words no document uses when there are at most this many
 * @param softLow            word similarity (cosine) below which a question word the sentence lacks earns nothing
 * @param softHigh           word similarity at which it counts as fully said (a paraphrase: "boss" for "CEO")
 * @param unknownTermWeight  weight, relative to its IDF, of a question word no sentence of the corpus uses
 * @param contextSentences   sentences on each side, in the same paragraph, read as a sentence's context
 * @param contextCredit      share of a term's weight earned when only the context says it
 * @param yearWeight         weight of a year, relative to its IDF (often implied: "this year")
 * @param askedWeight        weight of a word the asker wrote in this turn, relative to one carried from the last
 * @param typeWeight         score of a sentence holding the kind of fact asked for
 * @param documentWeight     score of a sentence whose document names the question's names (in its title or text)
 * @param positionWeight     score of the first source (retrieval's best), shared out by rank
 * @param ownershipSlack     characters a question's name may stand farther from a fact than another name does, and
 *                           still be what the fact is about
 * @param sentenceCache      corpus sentences kept read (their stems, facts and clauses)
 * @param subjectShare       share of a document's paragraphs a name must appear in to be the document's subject,
 *                           which its sentences may leave implicit
 * @param minSubjectCoverage share (IDF-weighted) of the question's subject words, those some document uses, that an
 *                           answering sentence must say itself
 * @param minDocumentCoverage share (IDF-weighted) of the question's words, those some document uses, that the
 *                           answering sentence's document must say somewhere: the right document, before the right
 *                           sentence
 * @param subjectWords       words before a name that still leave it the subject of its clause
 * @param projectionPenalty  score taken from a sentence whose figure is a projection, an estimate or a plan, when the
 *                           question asks for none
 */
@ConfigurationProperties(ExtractiveConfiguration.PREFIX)
public record ExtractiveConfiguration(
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.35") double minCoverage,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double minCoverageOpen,
        @Min(1) @Max(5) @Bindable(defaultValue = "2") int maxSentences,
        @Min(1) @Max(10) @Bindable(defaultValue = "6") int summarySentences,
        @Min(1) @Max(20) @Bindable(defaultValue = "6") int minClauseWords,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double minSimilarity,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.25") double minCoverageWithSimilarity,
        @DecimalMin("0") @DecimalMax("5") @Bindable(defaultValue = "0.5") double similarityWeight,
        @Min(0) @Max(10) @Bindable(defaultValue = "3") int maxMissingNamed,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double softLow,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.75") double softHigh,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double unknownTermWeight,
        @Min(0) @Max(10) @Bindable(defaultValue = "2") int contextSentences,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double contextCredit,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double yearWeight,
        @DecimalMin("1") @DecimalMax("5") @Bindable(defaultValue = "2") double askedWeight,
        @DecimalMin("0") @DecimalMax("2") @Bindable(defaultValue = "0.3") double typeWeight,
        @DecimalMin("0") @DecimalMax("2") @Bindable(defaultValue = "0.2") double documentWeight,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.1") double positionWeight,
        @Min(0) @Max(200) @Bindable(defaultValue = "12") int ownershipSlack,
        @Min(100) @Max(10_000_000) @Bindable(defaultValue = "50000") int sentenceCache,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double subjectShare,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double minSubjectCoverage,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.6") double minDocumentCoverage,
        @DecimalMin("0") @DecimalMax("2") @Bindable(defaultValue = "0.3") double projectionPenalty,
        @Min(0) @Max(10) @Bindable(defaultValue = "3") int subjectWords) {

    public static final String PREFIX = "fonte.answer.extractive";

    /** The defaults, for code that runs the engine without an application context (tests, tools). */
    public static ExtractiveConfiguration defaults() {
        return new ExtractiveConfiguration(0.35, 0.5, 2, 6, 6, 0.5, 0.25, 0.5, 3, 0.5, 0.75, 0.5, 2, 0.5, 0.5, 2, 0.3,
                0.2, 0.1, 12, 50_000, 0.5, 0.5, 0.6, 0.3, 3);
    }
}
