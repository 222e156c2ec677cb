package dev.fonte.answer;

import dev.fonte.language.FactKind;

import java.util.List;

/**
 * What an answer model wrote: sentences, each backed by spans of its sources, or a refusal saying what is missing.
 *
 * @param model   what wrote it, as {@code Answer.model} reports it
 * @param refusal why there is no answer; null when there are sentences
 */
public record Draft(String model, List<Sentence> sentences, Refusal refusal) {

    public Draft {
        sentences = List.copyOf(sentences);
    }

    /**
     * A sentence of the answer, without markers, and the spans it cites.
     *
     * @param text the sentence, ending with its punctuation
     */
    public record Sentence(String text, List<Cite> cites) {
        public Sentence {
            cites = List.copyOf(cites);
        }
    }

    /** A span of source {@code source} (its number), as document offsets. */
    public record Cite(int source, int start, int end) {
    }

    /**
     * Why a model did not answer.
     *
     * @param missing what kind of fact the nearest sentence lacks, when that is what is missing (else null)
     * @param unknown the question's words that no document uses, when those are what is missing
     * @param reason  a short reason for logs and fallbacks ("no valid citation"), empty for an ordinary refusal
     * @param nearest the numbers of the sources the model found nearest to the question, nearest first (a sentence
     *                that names what the question names before one that only shares its words); empty when the
     *                model does not say, and then the retrieval's order stands
     */
    public record Refusal(FactKind missing, List<String> unknown, String reason, List<Integer> nearest) {
        public Refusal {
            unknown = List.copyOf(unknown);
            nearest = List.copyOf(nearest);
        }

        public Refusal(FactKind missing, List<String> unknown, String reason) {
            this(missing, unknown, reason, List.of());
        }

        /** The same refusal, with the sources the model found nearest. */
        public Refusal withNearest(List<Integer> sources) {
            return new Refusal(missing, unknown, reason, sources);
        }

        public static Refusal plain() {
            return new Refusal(null, List.of(), "");
        }
    }

    public static Draft answered(String model, List<Sentence> sentences) {
        return new Draft(model, sentences, null);
    }

    public static Draft refused(String model, Refusal refusal) {
        return new Draft(model, List.of(), refusal);
    }

    public boolean answered() {
        return !sentences.isEmpty();
    }

    public Draft withModel(String label) {
        return new Draft(label, sentences, refusal);
    }
}
