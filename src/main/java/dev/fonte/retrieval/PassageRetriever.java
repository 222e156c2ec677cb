package dev.fonte.retrieval;

import java.util.List;

/** Finds the sentence passages most relevant to a query, sorted by relevance, most relevant first. */
public interface PassageRetriever {

    /**
     * @param language the query's language ("it", "en"); passages in that language are preferred when the corpus
     *                 has them
     * @param k        at most this many results
     */
    List<ScoredPassage> retrieve(String query, String language, int k);
}
