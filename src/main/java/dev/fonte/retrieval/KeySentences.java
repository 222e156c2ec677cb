package dev.fonte.retrieval;

import dev.fonte.corpus.Passage;
import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small extractive summariser's scores: each sentence is scored by the facts it carries (numbers, proper names) and
 * by how central its vocabulary is to its document. Scores depend on the sentence's own document only, so they are
 * computed when the document is indexed and kept in the index; the best sentence of the best paragraphs are then
 * read from it ({@link PassageIndex#keySentences}).
 */
final class KeySentences {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern NAME = Pattern.compile("(?<=\\s)\\p{Lu}\\p{L}+");
    private static final int MIN_WORDS = 8;

    private KeySentences() {
    }

    /**
     * The scores of a document's sentences (in text order) that can be key facts: headings (no closing punctuation)
     * and fragments get none.
     */
    static Map<String, Double> scores(List<Passage> sentences, Analyzer analyzer) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        List<Set<String>> stems = new ArrayList<>();
        for (Passage s : sentences) {
            Set<String> terms = FonteAnalyzers.terms(analyzer, s.text());
            stems.add(terms);
            terms.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            Passage s = sentences.get(i);
            if (s.text().split("\\s+").length < MIN_WORDS || !s.text().matches("(?s).*[.!?…]$")) {
                continue;
            }
            double centrality = stems.get(i).stream().mapToInt(t -> documentFrequency.get(t) - 1).sum()
                    / (double) Math.max(1, stems.get(i).size());
            long numbers = NUMBER.matcher(s.text()).results().count();
            long names = NAME.matcher(s.text()).results().count();
            scores.put(s.id(), centrality + Math.min(numbers, 4) + 0.5 * Math.min(names, 4));
        }
        return scores;
    }
}
