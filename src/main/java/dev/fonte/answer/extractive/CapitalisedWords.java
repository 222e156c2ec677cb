package dev.fonte.answer.extractive;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Capitalised words, the names a text writes inside its sentences, and the words it writes in lower case. Kept apart
 * from {@link FactFinder} because the index stores what documents write by it: a change here, and only here, rebuilds
 * the index.
 */
public final class CapitalisedWords {

    /** A capitalised word: "Meta", "OpenAI", "S.p.A.", "Coca-Cola", "U.S.". */
    static final Pattern CAPITALISED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])\\p{Lu}(?:[\\p{L}\\p{N}&'’-]*\\p{L}|[\\p{L}\\p{N}]*)(?:\\.\\p{Lu}\\.?)*");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\b");
    private static final Pattern LEADING = Pattern.compile("[\\p{P}\\s]*");
    private static final Pattern LOWERCASE_WORD = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Ll}[\\p{L}\\p{N}-]*");

    private CapitalisedWords() {
    }

    /** A word in lower case without its possessive ending: "Google's" is "google". */
    public static String bare(String word) {
        return withoutPossessives(word.toLowerCase(Locale.ROOT));
    }

    /** A text without the possessive endings of its words: "Microsoft's CEO" is "Microsoft CEO". */
    public static String withoutPossessives(String text) {
        return POSSESSIVE.matcher(text).replaceAll("");
    }

    /** Where a text's first character other than punctuation or a space stands. */
    public static int leadingEnd(String text) {
        Matcher lead = LEADING.matcher(text);
        return lead.lookingAt() ? lead.end() : 0;
    }

    /** The lowercase words a text writes capitalised anywhere but at the start of a sentence. */
    public static Set<String> namesInside(List<String> sentences) {
        Set<String> out = new HashSet<>();
        for (String s : sentences) {
            // a word is inside the sentence when something other than punctuation or spaces comes before it
            int start = leadingEnd(s);
            Matcher m = CAPITALISED.matcher(s);
            while (m.find()) {
                if (m.start() > start) {
                    out.add(bare(m.group()));
                }
            }
        }
        return out;
    }

    /** The words sentences write in lower case: a capitalised word of a question written so is a common noun. */
    public static Set<String> lowercaseWords(List<String> sentences) {
        Set<String> out = new HashSet<>();
        for (String s : sentences) {
            Matcher m = LOWERCASE_WORD.matcher(s);
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }
}
