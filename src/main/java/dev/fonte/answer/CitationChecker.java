package dev.fonte.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a language model's answer against the sources it was given. It reads the citation markers models write
 * ({@code [1]}, {@code [1, 2]}, {@code [1][2]}, {@code [[1]]}, wide brackets {@code 【1】} {@code ［1］}), drops markers
 * that point at no source, drops sentences left without a valid marker (every sentence of an answer must be backed),
 * and narrows each citation to the quoted span when the sentence quotes its source verbatim. An answer with no valid
 * citation is not grounded; the fixed phrase is a refusal.
 */
public final class CitationChecker {

    /** The reason of a draft whose model answered without a single valid citation. */
    public static final String UNGROUNDED = "gave no valid citation";

    private static final Pattern MARKER = Pattern.compile(
            "\\s*[\\[［【]{1,2}\\s*(\\d+(?:\\s*[,;]\\s*\\d+)*)\\s*[\\]］】]{1,2}");
    /** A sentence: text up to closing punctuation (with any markers before or right after it). */
    private static final Pattern SENTENCE = Pattern.compile(
            "(?s).+?(?:[.!?]+(?=\\s|$|[\\[［【])(?:\\s*[\\[［【][^\\]］】]*[\\]］】]+)*|$)");
    /** A quotation inside a sentence: what a frame quotes ("The article says: «...»"). */
    private static final Pattern QUOTED = Pattern.compile("[«“\"]([^»”\"]{10,})[»”\"]");
    private static final int MIN_QUOTE_WORDS = 3;

    private CitationChecker() {
    }

    /** The draft a model's text amounts to: its cited sentences, or a refusal (its own, or for citing nothing). */
    public static Draft read(String modelText, List<AnswerRequest.Source> sources, String model) {
        String raw = modelText == null ? "" : modelText.strip();
        if (raw.contains(ChainPrompt.NOT_IN_SOURCES)) {
            return Draft.refused(model, Draft.Refusal.plain());
        }
        List<Draft.Sentence> out = new ArrayList<>();
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
            String punctuation = plain.matches("(?s).*[.!?]$") ? plain.substring(plain.length() - 1) : ".";
            List<Draft.Cite> cites = new ArrayList<>();
            for (int k : valid) {
                int[] span = narrow(sources.get(k - 1), quote);
                cites.add(new Draft.Cite(k, span[0], span[1]));
            }
            out.add(new Draft.Sentence(quote + punctuation, cites));
        }
        return out.isEmpty() ? Draft.refused(model, new Draft.Refusal(null, List.of(), UNGROUNDED))
                : Draft.answered(model, out);
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

    /**
     * The document span a sentence cites: the quoted words when the source has them verbatim (the whole sentence, or
     * what it quotes inside quotation marks), else the whole source.
     */
    static int[] narrow(AnswerRequest.Source source, String sentence) {
        String text = source.passage().text();
        int start = source.passage().start();
        List<String> quotes = new ArrayList<>();
        quotes.add(sentence);
        Matcher q = QUOTED.matcher(sentence);
        while (q.find()) {
            quotes.add(q.group(1).strip());
        }
        for (String quote : quotes) {
            String bare = quote.replaceFirst("[.!?]+$", "").strip();
            if (bare.split("\\s+").length < MIN_QUOTE_WORDS) {
                continue;
            }
            int at = text.toLowerCase(Locale.ROOT).indexOf(bare.toLowerCase(Locale.ROOT));
            if (at >= 0) {
                int end = at + bare.length();
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
