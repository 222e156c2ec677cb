package dev.fonte.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a document body into its stored text: paragraphs joined by one blank line, lines within a paragraph joined
 * by a space, and page chrome dropped: a repetition of the title, a photo caption (a short line that is only a
 * capitalised name), and lines matching the configured chrome patterns (comment forms, credits).
 */
final class Cleaner {

    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#{1,6}\\s+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final List<Pattern> chrome;

    Cleaner(List<String> chromePatterns) {
        this.chrome = chromePatterns.stream()
                .filter(p -> !p.isBlank())
                .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList();
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
            kept.add(paragraph);
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
