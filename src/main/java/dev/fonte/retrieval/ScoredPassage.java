package dev.fonte.retrieval;

import dev.fonte.corpus.Passage;

/** A retrieved sentence passage with its relevance score (higher is more relevant, comparable within one search). */
public record ScoredPassage(Passage passage, double score) {
}
