package dev.fonte.retrieval;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small extractive summariser: scores each sentence by the facts it carries (numbers, proper names) and by how
 * central its vocabulary is to its document, then keeps the best sentence of the best paragraphs.
 */
final class KeySentences {

    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern NAME = Pattern.compile("(?<=\\s)\\p{Lu}\\p{L}+");
    private static final int MIN_WORDS = 8;

    private KeySentences() {
    }

    static List<ScoredPassage> select(Corpus corpus, String language, int n) {
        List<ScoredPassage> scored = new ArrayList<>();
        try (Analyzer analyzer = FonteAnalyzers.index(language)) {
            for (Document doc : corpus.documents()) {
                if (!doc.language().equals(language)) {
                    continue;
                }
                List<Passage> sentences = corpus.paragraphs(doc.id()).stream()
                        .flatMap(p -> corpus.sentencesOf(p).stream()).toList();
                Map<String, Integer> documentFrequency = new HashMap<>();
                List<Set<String>> stems = new ArrayList<>();
                for (Passage s : sentences) {
                    Set<String> terms = stems(analyzer, s.text());
                    stems.add(terms);
                    terms.forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
                }
                for (int i = 0; i < sentences.size(); i++) {
                    Passage s = sentences.get(i);
                    // headings (no closing punctuation) and fragments make poor key facts
                    if (s.text().split("\\s+").length < MIN_WORDS || !s.text().matches("(?s).*[.!?…]$")) {
                        continue;
                    }
                    double centrality = stems.get(i).stream().mapToInt(t -> documentFrequency.get(t) - 1).sum()
                            / (double) Math.max(1, stems.get(i).size());
                    long numbers = NUMBER.matcher(s.text()).results().count();
                    long names = NAME.matcher(s.text()).results().count();
                    scored.add(new ScoredPassage(s, centrality + Math.min(numbers, 4) + 0.5 * Math.min(names, 4)));
                }
            }
        }
        Set<String> paragraphs = new HashSet<>();
        List<ScoredPassage> best = new ArrayList<>();
        for (ScoredPassage s : scored.stream().sorted(Comparator.comparingDouble(ScoredPassage::score).reversed()).toList()) {
            if (best.size() < n && paragraphs.add(s.passage().paragraphId())) {
                best.add(s);
            }
        }
        best.sort(Comparator.comparing((ScoredPassage s) -> s.passage().documentId())
                .thenComparingInt(s -> s.passage().start()));
        return List.copyOf(best);
    }

    private static Set<String> stems(Analyzer analyzer, String text) {
        return FonteAnalyzers.terms(analyzer, text);
    }
}
