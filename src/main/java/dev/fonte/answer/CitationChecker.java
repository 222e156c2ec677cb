package dev.fonte.answer;

import dev.fonte.corpus.Segmenter;
import dev.fonte.language.Language;
import dev.fonte.language.Languages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a language model's answer against the sources it was given. It reads the citation markers models write
 * ({@code [1]}, {@code [1, 2]}, {@code [1][2]}, {@code [[1]]}, wide brackets {@code 【1】} {@code ［1］}), drops markers
 * that point at no source, drops sentences left without a valid marker (every sentence of an answer must be backed),
 * and narrows each citation to the quoted span when the sentence quotes its source verbatim. An answer with no valid
 * citation is not grounded; the fixed phrase is a refusal, and so is an uncited refusal in the model's own words (the
 * packs' {@code modelAnswers.refusals}, in any language). Whether what a cited sentence says is in its span is the next
 * check's ({@link Grounding}).
 */
public final class CitationChecker {

    /** The reason of a draft whose model answered without a single valid citation. */
    public static final String UNGROUNDED = "gave no valid citation";

    /** A citation marker, with the source numbers it holds in group 1. */
    static final Pattern MARKER = Pattern.compile(
            "\\s*[\\[［【]{1,2}\\s*(\\d+(?:\\s*[,;]\\s*\\d+)*)\\s*[\\]］】]{1,2}");
    /** A sentence: text up to closing punctuation (with any markers before or right after it). */
    private static final Pattern SENTENCE = Pattern.compile(
            "(?s).+?(?:[.!?]+(?=\\s|$|[\\[［【])(?:\\s*[\\[［【][^\\]］】]*[\\]］】]+)*|$)");
    /** A quotation inside a sentence: what a frame quotes ("The article says: «...»"). */
    private static final Pattern QUOTED = Pattern.compile("[«“\"]([^»”\"]{10,})[»”\"]");
    private static final int MIN_QUOTE_WORDS = 3;
    /** Abbreviations of every registered language: a model's answer may quote a source in another language. */
    private static final Set<String> ABBREVIATIONS = Languages.standard().all().stream()
            .flatMap(l -> l.abbreviations().stream()).collect(Collectors.toUnmodifiableSet());

    /**
     * A sentence of a text with citation markers: its words without the markers, ending with its punctuation, and
     * the numbers its markers hold, valid or not, in order of first use.
     */
    public record Claim(String text, List<Integer> cited) {
        public Claim {
            cited = List.copyOf(cited);
        }
    }

    /**
     * What a model's text amounts to: the draft, and how many of its sentences were dropped for citing nothing
     * valid (refusal sentences are not counted: they claim nothing).
     */
    public record Reading(Draft draft, int uncited) {
    }

    private CitationChecker() {
    }

    /** The sentences of a text with citation markers (a model's answer, or a rendered {@code Answer}). */
    public static List<Claim> claims(String text) {
        List<Claim> out = new ArrayList<>();
        String all = text == null ? "" : text.strip();
        Matcher sentences = SENTENCE.matcher(all);
        int from = 0;
        while (sentences.find()) {
            // "the U.S. economy", "at 7:25 a.m. local time": a period that ends an abbreviation, with no marker after
            // it, does not end the sentence (the corpus is segmented the same way)
            if (sentences.end() < all.length() && !MARKER.matcher(sentences.group()).find()
                    && Segmenter.abbreviated(all.substring(from, sentences.end()).stripTrailing(), ABBREVIATIONS)) {
                continue;
            }
            String sentence = all.substring(from, sentences.end());
            from = sentences.end();
            if (sentence.isBlank()) {
                continue;
            }
            List<Integer> cited = new ArrayList<>();
            Matcher m = MARKER.matcher(sentence);
            while (m.find()) {
                for (String num : m.group(1).split("\\s*[,;]\\s*")) {
                    int k = Integer.parseInt(num.length() > 9 ? "0" : num);
                    if (!cited.contains(k)) {
                        cited.add(k);
                    }
                }
            }
            String plain = MARKER.matcher(sentence).replaceAll("").strip();
            if (plain.isEmpty()) {
                continue;
            }
            String body = plain.replaceFirst("[.!?]+$", "").strip();
            String punctuation = plain.matches("(?s).*[.!?]$") ? plain.substring(plain.length() - 1) : ".";
            out.add(new Claim(body + punctuation, cited));
        }
        return out;
    }

    /** The draft a model's text amounts to: its cited sentences, or a refusal (its own, or for citing nothing). */
    public static Draft read(String modelText, List<AnswerRequest.Source> sources, String model) {
        return reading(modelText, sources, model).draft();
    }

    /** {@link #read}, telling also how many sentences were dropped for citing nothing valid. */
    public static Reading reading(String modelText, List<AnswerRequest.Source> sources, String model) {
        String raw = modelText == null ? "" : modelText.strip();
        if (raw.contains(ChainPrompt.NOT_IN_SOURCES)) {
            return new Reading(Draft.refused(model, Draft.Refusal.plain()), 0);
        }
        List<Draft.Sentence> out = new ArrayList<>();
        int uncited = 0;
        boolean refused = false;
        for (Claim claim : claims(raw)) {
            List<Integer> valid = claim.cited().stream().filter(k -> k >= 1 && k <= sources.size()).toList();
            if (valid.isEmpty()) {
                // "the sources do not say where" states no fact; a cited sentence is a claim, even a negative one
                // ("the author holds no shares"), and its span must say it
                if (refusal(claim.text())) {
                    refused = true;
                } else {
                    uncited++;
                }
                continue;
            }
            String quote = claim.text().replaceFirst("[.!?]+$", "").strip();
            List<Draft.Cite> cites = new ArrayList<>();
            for (int k : valid) {
                int[] span = narrow(sources.get(k - 1), quote);
                cites.add(new Draft.Cite(k, span[0], span[1]));
            }
            out.add(new Draft.Sentence(claim.text(), cites));
        }
        if (!out.isEmpty()) {
            return new Reading(Draft.answered(model, out), uncited);
        }
        return new Reading(Draft.refused(model, refused ? Draft.Refusal.plain()
                : new Draft.Refusal(null, List.of(), UNGROUNDED)), uncited);
    }

    /** Whether a sentence is a model's refusal in its own words, in any registered language. */
    static boolean refusal(String sentence) {
        for (Language language : Languages.standard().all()) {
            for (Pattern p : language.modelAnswers().refusals()) {
                if (p.matcher(sentence).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A text without its citation markers: what a later turn's history shows of an answer. */
    static String withoutMarkers(String text) {
        return MARKER.matcher(text).replaceAll("");
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

    private static final Pattern COMPLETE =
            Pattern.compile("([.!?]+(?:\\s*[\\[［【][^\\]］】]*[\\]］】]+)*)\\s+(?=[^\\s\\[［【])");

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
