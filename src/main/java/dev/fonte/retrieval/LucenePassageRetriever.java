package dev.fonte.retrieval;

import dev.fonte.language.Lexicon;
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
    private final Lexicon lexicon;

    public LucenePassageRetriever(IndexManager indexes, RetrievalConfiguration config, Lexicon lexicon) {
        this.indexes = indexes;
        this.config = config;
        this.lexicon = lexicon;
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
        List<Double> weights = new ArrayList<>();
        if (mode != RetrievalConfiguration.Mode.DENSE) {
            rankings.add(index.searchLexical(query, language, n));
            weights.add(1.0);
            // the documents in the corpus's other languages, searched with the question carried into each of them (names
            // and figures cross as they are, so even a language pair without a lexicon finds them)
            for (String other : index.corpus().documents().stream().map(d -> d.language()).distinct().toList()) {
                if (!other.equals(language)) {
                    // a document also written in the question's language is found in it: its rendering is the
                    // better match, and quoting it answers in the asker's language
                    rankings.add(index.searchLexical(lexicon.carry(query, language, other), other, n).stream()
                            .filter(p -> !index.corpus().writtenIn(p.passage().documentId(), language)).toList());
                    weights.add(config.otherLanguageWeight());
                }
            }
        }
        if (mode != RetrievalConfiguration.Mode.BM25) {
            rankings.add(index.searchDense(query, language, n));
            weights.add(mode == RetrievalConfiguration.Mode.DENSE ? 1.0 : config.denseWeight());
        }
        return fuse(rankings, weights, config.rrfK(), k);
    }

    /** Weighted reciprocal rank fusion: each ranking adds weight / (rrfK + rank) to a passage's score. */
    static List<ScoredPassage> fuse(List<List<ScoredPassage>> rankings, List<Double> weights, int rrfK, int k) {
        Map<String, ScoredPassage> passages = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        double possible = 0;
        for (int r = 0; r < rankings.size(); r++) {
            List<ScoredPassage> ranking = rankings.get(r);
            double weight = weights.get(r);
            possible += ranking.isEmpty() ? 0 : weight / (rrfK + 1);
            for (int rank = 0; rank < ranking.size(); rank++) {
                ScoredPassage s = ranking.get(rank);
                passages.putIfAbsent(s.passage().id(), s);
                scores.merge(s.passage().id(), weight / (rrfK + rank + 1), Double::sum);
            }
        }
        double best = possible == 0 ? 1 : possible;
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(k)
                .map(e -> new ScoredPassage(passages.get(e.getKey()).passage(), e.getValue() / best))
                .toList();
    }
}
