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
 */
public final class Segmenter {

    private Segmenter() {
    }

    public static List<Passage> segment(String documentId, String language, String text) {
        List<Passage> passages = new ArrayList<>();
        int paragraph = 0;
        int pos = 0;
        while (pos < text.length()) {
            int sep = text.indexOf("\n\n", pos);
            int end = sep < 0 ? text.length() : sep;
            if (end > pos) {
                paragraph++;
                String body = text.substring(pos, end);
                passages.add(new Passage(Passage.paragraphId(documentId, paragraph), documentId,
                        Passage.Kind.PARAGRAPH, paragraph, 0, pos, end, body));
                addSentences(passages, documentId, language, paragraph, body, pos);
            }
            pos = sep < 0 ? text.length() : sep + 2;
        }
        return passages;
    }

    private static void addSentences(List<Passage> out, String documentId, String language, int paragraph,
                                     String body, int offset) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.forLanguageTag(language));
        it.setText(body);
        Set<String> abbreviations = Languages.standard().get(language).abbreviations();
        int sentence = 0;
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
            if (end < body.length() && abbreviated(body.substring(start, end).stripTrailing(), abbreviations)) {
                // "Wile E. Coyote", "the U.S. economy", "Dr. Smith": the period ends the abbreviation, not the sentence
                continue;
            }
            int s = start;
            int e = end;
            while (s < e && Character.isWhitespace(body.charAt(s))) {
                s++;
            }
            while (e > s && Character.isWhitespace(body.charAt(e - 1))) {
                e--;
            }
            if (e > s) {
                sentence++;
                out.add(new Passage(Passage.sentenceId(documentId, paragraph, sentence), documentId,
                        Passage.Kind.SENTENCE, paragraph, sentence, offset + s, offset + e, body.substring(s, e)));
            }
            start = end;
        }
    }

    /** A single capital ("E."), a dotted short form ("U.S.", "S.p.A.", "a.m.") or one of the language's abbreviations. */
    private static final Pattern INITIAL_OR_DOTTED = Pattern.compile("(?:(?<![\\p{L}\\p{N}])\\p{Lu}|(?:\\p{L}{1,3}\\.){1,}\\p{L}{1,3})\\.$");
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
