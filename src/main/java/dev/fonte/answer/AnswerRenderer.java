package dev.fonte.answer;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.retrieval.ScoredPassage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a checked draft into the answer's text and citations: a {@code [n]} marker before each sentence's closing
 * punctuation, sources numbered in order of first use, one citation per source (the span its sentences quote), each
 * naming its document, exact offsets and text, and the aligned original of a translation.
 */
final class AnswerRenderer {

    /** The answer's text with its markers, and the citation of each marker. */
    record Rendered(String text, List<Citation> citations) {
    }

    private AnswerRenderer() {
    }

    static Rendered render(Draft draft, AnswerRequest request) {
        Map<Integer, Integer> numbers = new LinkedHashMap<>();
        Map<Integer, int[]> spans = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        for (Draft.Sentence s : draft.sentences()) {
            StringBuilder markers = new StringBuilder();
            for (Draft.Cite c : s.cites()) {
                int n = numbers.computeIfAbsent(c.source(), k -> numbers.size() + 1);
                markers.append('[').append(n).append(']');
                spans.merge(n, new int[] {c.start(), c.end()},
                        (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(withMarkers(s.text(), markers.toString()));
        }
        Corpus corpus = request.index().corpus();
        List<Citation> citations = new ArrayList<>();
        numbers.forEach((source, n) -> citations.add(citation(corpus, n, request.source(source), spans.get(n))));
        return new Rendered(text.toString(), citations);
    }

    /** "Meta will spend $65 billion." with "[1]" is "Meta will spend $65 billion [1]." */
    static String withMarkers(String sentence, String markers) {
        String s = sentence.strip();
        int end = s.length();
        while (end > 0 && ".!?…".indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        String punctuation = end == s.length() ? "." : s.substring(end);
        return s.substring(0, end).stripTrailing() + " " + markers + punctuation;
    }

    /** The text of a draft without markers, as a later turn's history shows it. */
    static String plain(Draft draft) {
        StringBuilder b = new StringBuilder();
        draft.sentences().forEach(s -> b.append(b.length() > 0 ? " " : "").append(s.text()));
        return b.toString();
    }

    static Citation citation(Corpus corpus, int n, AnswerRequest.Source source, int[] span) {
        Passage passage = source.passage();
        Document doc = source.document();
        Citation.Original original = corpus.original(passage)
                .map(o -> new Citation.Original(o.documentId(), o.text(), o.start(), o.end())).orElse(null);
        return new Citation(n, CitationIds.of(doc.id(), span[0], span[1]), doc.id(), doc.title(),
                doc.text().substring(span[0], span[1]), span[0], span[1], relevance(source.retrieved()), original,
                Citation.machineTranslation(doc));
    }

    static AnswerEvent.Source source(AnswerRequest.Source s) {
        Passage p = s.passage();
        return new AnswerEvent.Source(CitationIds.of(p.documentId(), p.start(), p.end()), p.documentId(),
                s.document().title(), p.text(), p.start(), p.end(), relevance(s.retrieved()), p.id(),
                Citation.machineTranslation(s.document()));
    }

    /** Retrieval's score of the passage, in [0, 1], rounded for display. */
    static double relevance(ScoredPassage s) {
        double r = Math.max(0, Math.min(1, s.score()));
        return Math.round(r * 1000) / 1000.0;
    }
}
