package dev.fonte.retrieval;

import jakarta.inject.Singleton;

import java.util.List;

/** Retrieves from the index being served. */
@Singleton
public class LucenePassageRetriever implements PassageRetriever {

    private final IndexManager indexes;

    public LucenePassageRetriever(IndexManager indexes) {
        this.indexes = indexes;
    }

    @Override
    public List<ScoredPassage> retrieve(String query, String language, int k) {
        return indexes.current().searchLexical(query, language, k);
    }
}
