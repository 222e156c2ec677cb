package dev.fonte.answer;

import dev.fonte.retrieval.ScoredPassage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a model's answer against the sources it was given. It reads the citation markers models write ({@code [1]},
 * {@code [1, 2]}, {@code [1][2]}, {@code [[1]]}, wide brackets {@code 【1】} {@code ［1］}), drops markers that point at
 * no source, drops sentences left without a valid marker (every sentence of an answer must be backed), renumbers
 * the sources in order of first use, and narrows each citation to the quoted span when the cited sentence quotes its
 * source verbatim. An answer with no valid citation is not grounded; the fixed phrase is a refusal.
 */
public final class CitationChecker {

    private static final Pattern MARKER = Pattern.compile(
            "\\s*[\\[［【]{1,2}\\s*(\\d+(?:\\s*[,;]\\s*\\d+)*)\\s*[\\]］】]{1,2}");
    /** A sentence: text up to closing punctuation (with any markers before or right after it). */
    private static final Pattern SENTENCE = Pattern.compile(
            "(?s).+?(?:[.!?]+(?=\\s|$|[\\[［【])(?:\\s*[\\[［【][^\\]］】]*[\\]］】]+)*|$)");
    private static final int MIN_QUOTE_WORDS = 3;

    /** One citation of the checked answer: marker {@code n} cites {@code source}, narrowed to document offsets. */
    public record Cited(int n, ScoredPassage source, int start, int end) {
    }

    /**
     * @param text     the answer with markers renumbered as {@code [n]} and unsupported sentences removed
     * @param grounded at least one sentence is backed by a valid citation
     * @param refused  the model said the sources do not contain the answer
     * @param missing  what the model said is missing, when it refused with a reason; else empty
     */
    public record Checked(String text, List<Cited> cited, boolean grounded, boolean refused, String missing) {
    }

    private CitationChecker() {
    }

    public static Checked check(String modelText, List<ScoredPassage> sources) {
        String raw = modelText == null ? "" : modelText.strip();
        if (raw.startsWith(ChainPrompt.NOT_IN_SOURCES) || raw.contains(ChainPrompt.NOT_IN_SOURCES)) {
            int at = raw.indexOf(ChainPrompt.NOT_IN_SOURCES) + ChainPrompt.NOT_IN_SOURCES.length();
            String missing = raw.substring(at).replaceFirst("^[\\s:.-]+", "").strip();
            return new Checked("", List.of(), false, true, missing);
        }
        Map<Integer, Integer> renumber = new LinkedHashMap<>();
        Map<Integer, int[]> spans = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        Matcher sentences = SENTENCE.matcher(raw);
        while (sentences.find()) {
            String sentence = sentences.group();
            if (sentence.isBlank()) {
                continue;
            }
            List<Integer> valid = new ArrayList<>();
            Matcher m = MARKER.matcher(sentence);
            while (m.find()) {
                for (String num : m.group(1).split("\\s*[,;]\\s*")) {
                    int k = Integer.parseInt(num);
                    if (k >= 1 && k <= sources.size() && !valid.contains(k)) {
                        valid.add(k);
                    }
                }
            }
            if (valid.isEmpty()) {
                continue;
            }
            String plain = MARKER.matcher(sentence).replaceAll("").strip();
            String quote = plain.replaceFirst("[.!?]+$", "").strip();
            StringBuilder markers = new StringBuilder();
            for (int k : valid) {
                int n = renumber.computeIfAbsent(k, x -> renumber.size() + 1);
                markers.append('[').append(n).append(']');
                ScoredPassage source = sources.get(k - 1);
                int[] span = narrow(source, quote);
                spans.merge(n, span, (a, b) -> new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
            String punctuation = plain.matches(".*[.!?]$") ? plain.substring(plain.length() - 1) : ".";
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(quote).append(' ').append(markers).append(punctuation);
        }
        List<Cited> cited = new ArrayList<>();
        renumber.forEach((k, n) -> cited.add(new Cited(n, sources.get(k - 1), spans.get(n)[0], spans.get(n)[1])));
        boolean grounded = !cited.isEmpty();
        return new Checked(grounded ? out.toString() : "", cited, grounded, false, "");
    }

    /**
     * The part of a text being streamed whose sentences are complete: up to the last closing punctuation that is
     * followed by a space and then something other than a citation marker (a marker after the full stop may still be
     * on its way). A refusal phrase is returned as soon as it is there.
     */
    public static String completeSentences(CharSequence streamed) {
        String text = streamed.toString();
        if (text.contains(ChainPrompt.NOT_IN_SOURCES)) {
            return text;
        }
        Matcher m = COMPLETE.matcher(text);
        int end = 0;
        while (m.find()) {
            end = m.end(1);
        }
        return text.substring(0, end);
    }

    private static final Pattern COMPLETE = Pattern.compile("([.!?]+(?:\\s*[\\[［【][^\\]］】]*[\\]］】]+)*)\\s+(?=[^\\s\\[［【])");

    /** The document span a sentence cites: the quoted words when the source has them verbatim, else the whole source. */
    static int[] narrow(ScoredPassage source, String quote) {
        String text = source.passage().text();
        int start = source.passage().start();
        if (quote.split("\\s+").length >= MIN_QUOTE_WORDS) {
            int at = text.toLowerCase(Locale.ROOT).indexOf(quote.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                int end = at + quote.length();
                // keep the sentence's own closing punctuation inside the span when the quote ends where it does
                if (end == text.length() - 1 && ".!?".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                return new int[] {start + at, start + end};
            }
        }
        return new int[] {start, source.passage().end()};
    }
}
