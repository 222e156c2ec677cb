package dev.fonte.corpus;

import dev.fonte.language.Dimension;
import dev.fonte.language.Language;
import dev.fonte.language.Languages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a document body into its stored text: paragraphs joined by one blank line, lines within a paragraph joined
 * by a space, and page chrome dropped: a repetition of the title, a photo caption (a short line that is only a
 * capitalised name), and lines matching the configured chrome patterns (comment forms, credits); decimals printed
 * with a stray space are written whole.
 */
final class Cleaner {

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final List<Pattern> chrome;
    private final Pattern spacedDecimal;

    Cleaner(List<String> chromePatterns) {
        this.chrome = chromePatterns.stream()
                .filter(p -> !p.isBlank())
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
        this.spacedDecimal = spacedDecimal(Languages.standard());
    }

    /**
     * A decimal printed with a space after its comma or point ("1, 3 milioni", "l'1, 4%", "1, 5 volte": a scraping
     * artefact readers take for a bug), recognised by the scale word or unit that follows it in any registered
     * language, so that a list ("2, 3 e 4") is left alone.
     */
    private static Pattern spacedDecimal(Languages languages) {
        List<String> after = new ArrayList<>();
        for (Language l : languages.all()) {
            after.add(l.numbers().magnitudes().regex());
            for (Dimension d : Dimension.values()) {
                after.add(l.units().of(d).regex());
            }
        }
        return Pattern.compile("(?<![\\d.,])(\\d{1,3})([.,]) (\\d{1,2})(?=\\s*(?:" + String.join("|", after) + "))",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The text with its spaced decimals written whole ("1, 3 milioni" is "1,3 milioni"). */
    String repairNumbers(String text) {
        return spacedDecimal.matcher(text).replaceAll("$1$2$3");
    }

    String clean(String body, String title) {
        String normalisedTitle = title == null ? null : normalise(title);
        List<String> kept = new ArrayList<>();
        for (String block : body.replace("\r\n", "\n").split("\\n\\s*\\n")) {
            String paragraph = WHITESPACE.matcher(MARKDOWN_HEADING.matcher(block.strip()).replaceFirst(""))
                    .replaceAll(" ").strip();
            if (paragraph.isEmpty()
                    || normalise(paragraph).equals(normalisedTitle)
                    || isCaption(paragraph)
                    || chrome.stream().anyMatch(p -> p.matcher(paragraph).matches())) {
                continue;
            }
            kept.add(repairNumbers(paragraph));
        }
        return String.join("\n\n", kept);
    }

    /** A photo caption: at most four words, each capitalised, no digits and no closing punctuation. */
    static boolean isCaption(String line) {
        String[] words = line.split(" ");
        if (words.length > 4 || line.matches(".*[\\d.!?:;]\\s*$") || line.matches(".*\\d.*")) {
            return false;
        }
        for (String w : words) {
            if (w.isEmpty() || !Character.isUpperCase(w.codePointAt(0))) {
                return false;
            }
        }
        return true;
    }

    private static String normalise(String s) {
        return WHITESPACE.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
