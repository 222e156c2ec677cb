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
 * @param minCoverage        share of a question's content terms (IDF-weighted) a second sentence must cover to join
 *                           an answer (the first answers by the weights: {@link AnswerWeights})
 * @param maxSentences       most sentences in an answer
 * @param summarySentences   sentences in a summary
 * @param minClauseWords     a clause shorter than this is not quoted alone out of its sentence
 * @param maxMissingNamed    a refusal names the words no document uses when there are at most this many
 * @param softLow            word similarity (cosine) below which a question word the sentence lacks earns nothing
 * @param softHigh           word similarity at which it counts as fully said (a paraphrase: "boss" for "CEO")
 * @param unknownTermWeight  weight, relative to its IDF, of a question word no sentence of the corpus uses
 * @param contextSentences   sentences on each side, in the same paragraph, read as a sentence's context
 * @param contextCredit      share of a term's weight earned when only the context says it
 * @param yearWeight         weight of a year, relative to its IDF (often implied: "this year")
 * @param askedWeight        weight of a word the asker wrote in this turn, relative to one carried from the last
 * @param ownershipSlack     characters a question's name may stand farther from a fact than another name does, and
 *                           still be what the fact is about
 * @param sentenceCache      corpus sentences kept read (their stems, facts and clauses)
 * @param subjectShare       share of a document's paragraphs a name must appear in to be the document's subject,
 *                           which its sentences may leave implicit
 * @param minSubjectCoverage share (IDF-weighted) of the question's subject words, those some document uses, that an
 *                           answering sentence must say itself
 * @param subjectWords       words before a name that still leave it the subject of its clause
 * @param antecedentWords    words that may stand between a name and the relative clause it is the antecedent of
 *                           (the head noun of "Elton John's farewell tour, which grossed...")
 * @param ordinalWords       words after an ordinal within which what it places is named ("20th league championship")
 * @param thingCredit        the soft credit (0..1, between softLow and softHigh) a sentence's nearest word must earn
 *                           to name the thing a question counts or measures ("two foreign citizens" for "how many
 *                           people")
 * @param paraphraseCredit   the soft credit a sentence's nearest word must earn to say a question's word in other
 *                           words ("began" for "start"): the word counts as covered, and says a time's event
 */
@ConfigurationProperties(ExtractiveConfiguration.PREFIX)
public record ExtractiveConfiguration(
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.35") double minCoverage,
        @Min(1) @Max(5) @Bindable(defaultValue = "2") int maxSentences,
        @Min(1) @Max(10) @Bindable(defaultValue = "6") int summarySentences,
        @Min(1) @Max(20) @Bindable(defaultValue = "6") int minClauseWords,
        @Min(0) @Max(10) @Bindable(defaultValue = "3") int maxMissingNamed,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double softLow,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.75") double softHigh,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double unknownTermWeight,
        @Min(0) @Max(10) @Bindable(defaultValue = "2") int contextSentences,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double contextCredit,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double yearWeight,
        @DecimalMin("1") @DecimalMax("5") @Bindable(defaultValue = "2") double askedWeight,
        @Min(0) @Max(200) @Bindable(defaultValue = "12") int ownershipSlack,
        @Min(100) @Max(10_000_000) @Bindable(defaultValue = "50000") int sentenceCache,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double subjectShare,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double minSubjectCoverage,
        @Min(0) @Max(10) @Bindable(defaultValue = "3") int subjectWords,
        @Min(0) @Max(10) @Bindable(defaultValue = "3") int antecedentWords,
        @Min(1) @Max(10) @Bindable(defaultValue = "3") int ordinalWords,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.3") double thingCredit,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.5") double paraphraseCredit) {

    public static final String PREFIX = "fonte.answer.extractive";

    /** The defaults, for code that runs the engine without an application context (tests, tools). */
    public static ExtractiveConfiguration defaults() {
        return new ExtractiveConfiguration(0.35, 2, 6, 6, 3, 0.5, 0.75, 0.5, 2, 0.5, 0.5, 2, 12, 50_000, 0.5, 0.5, 3,
                3, 3, 0.3, 0.5);
    }
}
