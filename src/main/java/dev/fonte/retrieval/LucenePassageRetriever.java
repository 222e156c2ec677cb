package dev.fonte.retrieval;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Retrieves from the index being served: BM25 and dense vectors fused by reciprocal rank fusion (or either alone,
 * by configuration). Scores are in [0, 1]: the fused score over the best a passage could get.
 */
@Singleton
public class LucenePassageRetriever implements PassageRetriever {

    private final IndexManager indexes;
    private final RetrievalConfiguration config;

    public LucenePassageRetriever(IndexManager indexes, RetrievalConfiguration config) {
        this.indexes = indexes;
        this.config = config;
    }

    @Override
    public List<ScoredPassage> retrieve(String query, String language, int k) {
        return retrieve(indexes.current(), config.mode(), query, language, k);
    }

    /** Retrieval with an explicit mode, for comparing modes side by side. */
    public List<ScoredPassage> retrieve(PassageIndex index, RetrievalConfiguration.Mode mode, String query,
                                        String language, int k) {
        int n = Math.max(k, config.candidates());
        List<List<ScoredPassage>> rankings = new ArrayList<>();
        if (mode != RetrievalConfiguration.Mode.DENSE) {
            rankings.add(index.searchLexical(query, language, n));
        }
        if (mode != RetrievalConfiguration.Mode.BM25) {
            rankings.add(index.searchDense(query, language, n));
        }
        return fuse(rankings, config.rrfK(), k);
    }

    /** Reciprocal rank fusion: each ranking adds 1 / (rrfK + rank) to a passage's score. */
    static List<ScoredPassage> fuse(List<List<ScoredPassage>> rankings, int rrfK, int k) {
        Map<String, ScoredPassage> passages = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        long contributing = rankings.stream().filter(r -> !r.isEmpty()).count();
        for (List<ScoredPassage> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                ScoredPassage s = ranking.get(rank);
                passages.putIfAbsent(s.passage().id(), s);
                scores.merge(s.passage().id(), 1.0 / (rrfK + rank + 1), Double::sum);
            }
        }
        double best = contributing == 0 ? 1 : contributing / (double) (rrfK + 1);
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(k)
                .map(e -> new ScoredPassage(passages.get(e.getKey()).passage(), e.getValue() / best))
                .toList();
    }
}
