package dev.fonte.corpus;

import dev.fonte.language.Languages;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a cleaned document text into paragraphs (separated by a blank line) and sentences within them, with exact
 * character offsets into that text. Ids depend only on the document id and the position, so they are stable across
 * restarts and unaffected by other documents.
 *
 * <p>A paragraph longer than the window is cut, between sentences, into consecutive windows that each become a
 * paragraph of their own: a paragraph is the context every sentence of it is read with, so a file without blank lines
 * costs what the same text with paragraphs costs, instead of growing with the square of its length. A sentence longer
 * than the window (text without punctuation) is cut at spaces the same way.
 */
public final class Segmenter {

    /** No window: paragraphs are kept whole, however long. */
    public static final int WHOLE_PARAGRAPHS = Integer.MAX_VALUE;

    private Segmenter() {
    }

    public static List<Passage> segment(String documentId, String language, String text) {
        return segment(documentId, language, text, WHOLE_PARAGRAPHS);
    }

    /** @param window the longest paragraph (and sentence) in characters */
    public static List<Passage> segment(String documentId, String language, String text, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive: " + window);
        }
        List<Passage> passages = new ArrayList<>();
        int paragraph = 0;
        int pos = 0;
        while (pos < text.length()) {
            int sep = text.indexOf("\n\n", pos);
            int end = sep < 0 ? text.length() : sep;
            if (end > pos) {
                paragraph = addParagraphs(passages, documentId, language, text, pos, end, window, paragraph);
            }
            pos = sep < 0 ? text.length() : sep + 2;
        }
        return passages;
    }

    /** Adds the block [start, end) as one paragraph, or as several windows; returns the last paragraph number. */
    private static int addParagraphs(List<Passage> out, String documentId, String language, String text,
                                     int start, int end, int window, int paragraph) {
        List<int[]> sentences = sentences(language, text, start, end, window);
        if (sentences.isEmpty()) {
            // only spaces between blank lines: still a paragraph, as it always was, with no sentence
            out.add(paragraph(documentId, paragraph + 1, text, start, end));
            return paragraph + 1;
        }
        if (end - start <= window) {
            paragraph++;
            out.add(paragraph(documentId, paragraph, text, start, end));
            addSentences(out, documentId, paragraph, text, sentences, 0, sentences.size());
            return paragraph;
        }
        int first = 0;
        while (first < sentences.size()) {
            int last = first + 1;
            while (last < sentences.size() && sentences.get(last)[1] - sentences.get(first)[0] <= window) {
                last++;
            }
            paragraph++;
            out.add(paragraph(documentId, paragraph, text, sentences.get(first)[0], sentences.get(last - 1)[1]));
            addSentences(out, documentId, paragraph, text, sentences, first, last);
            first = last;
        }
        return paragraph;
    }

    private static Passage paragraph(String documentId, int paragraph, String text, int start, int end) {
        return new Passage(Passage.paragraphId(documentId, paragraph), documentId, Passage.Kind.PARAGRAPH, paragraph, 0,
                start, end, text.substring(start, end));
    }

    private static void addSentences(List<Passage> out, String documentId, int paragraph, String text,
                                     List<int[]> spans, int from, int to) {
        for (int i = from; i < to; i++) {
            int[] s = spans.get(i);
            int sentence = i - from + 1;
            out.add(new Passage(Passage.sentenceId(documentId, paragraph, sentence), documentId, Passage.Kind.SENTENCE,
                    paragraph, sentence, s[0], s[1], text.substring(s[0], s[1])));
        }
    }

    /** The sentence spans of [start, end), trimmed of spaces, none longer than the window. */
    private static List<int[]> sentences(String language, String text, int start, int end, int window) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.forLanguageTag(language));
        String body = text.substring(start, end);
        it.setText(body);
        Set<String> abbreviations = Languages.standard().get(language).abbreviations();
        List<int[]> spans = new ArrayList<>();
        int from = it.first();
        for (int to = it.next(); to != BreakIterator.DONE; to = it.next()) {
            if (to < body.length() && abbreviated(body.substring(from, to).stripTrailing(), abbreviations)) {
                // "Wile E. Coyote", "the U.S. economy", "Dr. Smith": the period ends the abbreviation, not the sentence
                continue;
            }
            int s = start + from;
            int e = start + to;
            while (s < e && Character.isWhitespace(text.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            while (e - s > window) {
                int cut = cut(text, s, s + window);
                spans.add(new int[] {s, cut});
                s = cut;
                while (s < e && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
            }
            if (e > s) {
                spans.add(new int[] {s, e});
            }
            from = to;
        }
        return spans;
    }

    /**
     * Where to cut an over-long sentence before {@code limit}: after its last space, or at the limit if it has
     * none.
     */
    private static int cut(String text, int start, int limit) {
        for (int i = limit; i > start + 1; i--) {
            if (Character.isWhitespace(text.charAt(i - 1))) {
                int end = i - 1;
                while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                    end--;
                }
                if (end > start) {
                    return end;
                }
            }
        }
        return limit;
    }

    /**
     * A single capital ("E."), a dotted short form ("U.S.", "S.p.A.", "a.m.") or one of the language's
     * abbreviations.
     */
    private static final Pattern INITIAL_OR_DOTTED = Pattern.compile(
            "(?:(?<![\\p{L}\\p{N}])\\p{Lu}|(?:\\p{L}{1,3}\\.){1,}\\p{L}{1,3})\\.$");
    private static final Pattern LAST_WORD = Pattern.compile("([\\p{L}.]+)\\.$");

    /** Whether a text before a sentence break ends with an abbreviation's period rather than a sentence's. */
    public static boolean abbreviated(String before, Set<String> abbreviations) {
        if (INITIAL_OR_DOTTED.matcher(before).find()) {
            return true;
        }
        Matcher m = LAST_WORD.matcher(before);
        return m.find() && abbreviations.contains(m.group(1));
    }
}
