package dev.fonte.retrieval;

import dev.fonte.corpus.Passage;

/**
 * A retrieved sentence passage with its relevance score (higher is more relevant, comparable within one search).
 *
 * @param languageRank for a sentence in another language than the question's, its place (from 1) in that language's
 *                     own ranking of the question carried into it; 0 when it has none (a sentence in the question's
 *                     language, or one that ranking did not reach)
 */
public record ScoredPassage(Passage passage, double score, int languageRank) {

    public ScoredPassage(Passage passage, double score) {
        this(passage, score, 0);
    }

    public ScoredPassage withLanguageRank(int rank) {
        return new ScoredPassage(passage, score, rank);
    }
}
