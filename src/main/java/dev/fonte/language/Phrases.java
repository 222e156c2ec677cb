package dev.fonte.language;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A list of words and phrases of a pack, matched as whole words in any case: {@code "per cent"} matches "per  cent",
 * an apostrophe matches either form ({@code ' ’}), and a symbol ({@code $}, {@code %}) needs no word boundary on its
 * symbol side. Longer phrases are tried first.
 */
public final class Phrases {

    private final List<String> phrases;
    private final Set<String> lowercase;
    private final Pattern pattern;
    /**
     * Each phrase's first word in lower case: a text that holds none of them cannot match, which is checked with plain
     * substring searches before the pattern (tried at every position, it is the costly part); null when a phrase has
     * no such word.
     */
    private final List<String> heads;

    private Phrases(List<String> phrases) {
        this.phrases = List.copyOf(phrases);
        this.lowercase = phrases.stream().map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        String alternatives = phrases.stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Phrases::alternative)
                .collect(Collectors.joining("|"));
        this.pattern = phrases.isEmpty() ? null
                : Pattern.compile("(?:" + alternatives + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        List<String> firstWords = phrases.stream().map(Phrases::head).distinct().toList();
        this.heads = firstWords.contains("") ? null : firstWords;
    }

    /** Lower case one code point at a time, as the pattern's case-insensitive matching compares them. */
    private static String lower(CharSequence text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().map(Character::toLowerCase).forEach(b::appendCodePoint);
        return b.toString();
    }

    /** The phrase's text up to its first space or apostrophe, in lower case. */
    private static String head(String phrase) {
        String lower = lower(phrase);
        int end = 0;
        while (end < lower.length() && !Character.isWhitespace(lower.charAt(end)) && lower.charAt(end) != '\''
                && lower.charAt(end) != '’') {
            end++;
        }
        return lower.substring(0, end);
    }

    public static Phrases of(Collection<String> phrases) {
        return new Phrases(phrases.stream().map(String::strip).filter(p -> !p.isEmpty()).distinct().toList());
    }

    public static Phrases none() {
        return new Phrases(List.of());
    }

    private static String alternative(String phrase) {
        StringBuilder b = new StringBuilder();
        if (Character.isLetterOrDigit(phrase.codePointAt(0))) {
            b.append("(?<![\\p{L}\\p{N}])");
        }
        for (int i = 0; i < phrase.length(); ) {
            int c = phrase.codePointAt(i);
            if (Character.isWhitespace(c)) {
                b.append("\\s+");
                while (i < phrase.length() && Character.isWhitespace(phrase.charAt(i))) {
                    i++;
                }
                continue;
            }
            if (c == '\'' || c == '’') {
                b.append("['’]\\s?");
            } else {
                b.append(Pattern.quote(new String(Character.toChars(c))));
            }
            i += Character.charCount(c);
        }
        if (Character.isLetterOrDigit(phrase.codePointBefore(phrase.length()))) {
            b.append("(?![\\p{L}\\p{N}])");
        }
        return b.toString();
    }

    /** Whether the text holds one of the phrases. */
    public boolean in(CharSequence text) {
        if (pattern == null || heads != null && !possibleIn(folded(text))) {
            return false;
        }
        return pattern.matcher(text).find();
    }

    /** A text in lower case as the phrases' matching compares letters: what {@link #possibleIn} reads. */
    public static String folded(CharSequence text) {
        return lower(text);
    }

    /**
     * False when a text ({@link #folded}) holds none of the phrases' first words, so that none can match and its
     * search can be skipped; true when one may.
     */
    public boolean possibleIn(String folded) {
        return pattern != null && (heads == null || heads.stream().anyMatch(folded::contains));
    }

    /**
     * Where one of the phrases that ends exactly at {@code end} starts, looking at most {@code window} characters back
     * and only from a word's start ("in" in "in Texas", not in "within"); -1 when none does.
     */
    public int endingAt(CharSequence text, int end, int window) {
        if (pattern == null) {
            return -1;
        }
        Matcher m = pattern.matcher(text);
        for (int from = Math.max(0, end - window); from < end; from++) {
            if (m.region(from, end).lookingAt() && m.end() == end
                    && (from == 0 || !Character.isLetter(text.charAt(from - 1)))) {
                return from;
            }
        }
        return -1;
    }

    /** A matcher of the phrases over the text (never matches when the list is empty). */
    public Matcher matcher(CharSequence text) {
        return (pattern == null ? Pattern.compile("(?!)") : pattern).matcher(text);
    }

    /** Whether a single word or phrase, as written, is one of the list (any case). */
    public boolean contains(String word) {
        return lowercase.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The regular expression of the list, to be embedded in a larger one (never matches when the list is empty). */
    public String regex() {
        return pattern == null ? "(?!)" : pattern.pattern();
    }

    public List<String> asList() {
        return phrases;
    }

    public boolean isEmpty() {
        return phrases.isEmpty();
    }
}
