package dev.fonte.retrieval;

import dev.fonte.corpus.Passage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short forms a corpus's documents define for names, as glossary lines: "Banca centrale europea (Bce)" and
 * "the FDA (Food and Drug Administration)" make the short and the long form one term. A short form counts only when
 * its letters are the initials of the long form's words (articles and prepositions may be skipped), so a parenthesis
 * that only comments is left alone.
 */
final class Aliases {

    /** A run of up to eight words, the last one capitalised or not, then a short form in parentheses. */
    private static final Pattern LONG_THEN_SHORT = Pattern.compile(
            "((?:[\\p{L}'’-]+\\s+){1,7}[\\p{L}'’-]+)\\s+\\((\\p{Lu}[\\p{L}.&]{1,9})\\)");
    /** A short form, then its long form in parentheses. */
    private static final Pattern SHORT_THEN_LONG = Pattern.compile(
            "(?<![\\p{L}])(\\p{Lu}[\\p{L}.&]{1,9})\\s+\\(((?:[\\p{L}'’-]+\\s+){1,7}[\\p{L}'’-]+)\\)");

    private Aliases() {
    }

    /** The glossary lines of the short forms some sentences define (one document's, when it is indexed). */
    static List<String> of(Collection<Passage> sentences) {
        Set<String> lines = new LinkedHashSet<>();
        for (Passage sentence : sentences) {
            String text = sentence.text();
            if (text.indexOf('(') < 0) {
                // both patterns need a parenthesis: most sentences have none, and trying the words before one at every
                // position of the sentence was a quarter of the time it takes to index a document's text
                continue;
            }
            Matcher m = LONG_THEN_SHORT.matcher(text);
            while (m.find()) {
                alias(m.group(2), m.group(1)).ifPresent(lines::add);
            }
            m = SHORT_THEN_LONG.matcher(text);
            while (m.find()) {
                alias(m.group(1), m.group(2)).ifPresent(lines::add);
            }
        }
        return new ArrayList<>(lines);
    }

    /** "bce, banca centrale europea" when the short form's letters start the long form's last words in order. */
    static java.util.Optional<String> alias(String shortForm, String longForm) {
        String letters = shortForm.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
        String[] words = longForm.strip().split("\\s+");
        // the long form is the shortest tail of the words whose initials spell the short form, skipping small words
        for (int from = words.length - 1; from >= 0; from--) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
            if (Character.isLetter(words[from].charAt(0)) && spells(letters, words, from)) {
                return java.util.Optional.of(letters + ", " + tail.toLowerCase(Locale.ROOT).replaceAll("['’]", " "));
            }
        }
        return java.util.Optional.empty();
    }

    private static boolean spells(String letters, String[] words, int from) {
        int i = 0;
        for (int w = from; w < words.length; w++) {
            String word = words[w].toLowerCase(Locale.ROOT);
            if (i < letters.length() && word.charAt(0) == letters.charAt(i)) {
                i++;
            } else if (word.length() > 3) {
                return false;
            }
        }
        return i == letters.length() && letters.length() >= 2 && Character.isLetter(words[from].charAt(0))
                && words[from].toLowerCase(Locale.ROOT).charAt(0) == letters.charAt(0);
    }
}
