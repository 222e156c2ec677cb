package dev.fonte.corpus;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells Italian from English, robustly for short questions: function words (Lucene's stop sets plus question
 * words), Italian elisions ({@code l'}, {@code dell'}) and accented vowels each count as evidence.
 */
public final class LanguageDetector {

    public static final String ITALIAN = "it";
    public static final String ENGLISH = "en";

    private static final Pattern WORD = Pattern.compile("[\\p{L}]+(?:['’][\\p{L}]+)?");
    private static final Pattern ITALIAN_ELISION =
            Pattern.compile("(?i)\\b(l|dell|all|dall|nell|sull|un|quest|quell|c|d|po)['’]\\p{L}");
    private static final Pattern ENGLISH_CLITIC = Pattern.compile("(?i)\\p{L}['’](s|t|re|ll|ve|d|m)\\b");
    private static final Set<String> ITALIAN_WORDS = Set.of("quanto", "quanti", "quante", "quanta", "chi", "cosa",
            "come", "dove", "quando", "perché", "perche", "quale", "quali", "qual", "sono", "è", "ha", "hanno",
            "sarà", "saranno", "anno", "dell", "della", "del", "dei", "degli", "delle", "nel", "nella", "articolo",
            "spenderà", "investirà", "riassumi", "parla", "dice", "miliardi", "milioni", "azioni", "anche", "ancora");
    private static final Set<String> ENGLISH_WORDS = Set.of("how", "what", "who", "where", "when", "why", "which",
            "much", "many", "does", "did", "do", "will", "would", "is", "are", "was", "were", "the", "of", "year",
            "article", "spend", "billion", "million", "shares", "about", "summarize", "summarise", "say", "said",
            "and", "or", "its", "it", "this", "that", "last", "next", "plan", "plans");
    private static final CharArraySet ITALIAN_STOP = ItalianAnalyzer.getDefaultStopSet();
    private static final CharArraySet ENGLISH_STOP = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

    private LanguageDetector() {
    }

    /** "it" or "en"; Italian when the evidence is even (the corpus's original language). */
    public static String detect(String text) {
        return score(text) > 0 ? ENGLISH : ITALIAN;
    }

    /** Positive for English, negative for Italian, 0 when nothing tells them apart. */
    public static double score(String text) {
        double score = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (w.contains("'") || w.contains("’")) {
                continue;
            }
            boolean it = ITALIAN_WORDS.contains(w) || ITALIAN_STOP.contains(w);
            boolean en = ENGLISH_WORDS.contains(w) || ENGLISH_STOP.contains(w);
            if (it && !en) {
                score -= 1;
            } else if (en && !it) {
                score += 1;
            }
            if (w.matches(".*[àèéìòù]$")) {
                score -= 1;
            }
        }
        Matcher el = ITALIAN_ELISION.matcher(text);
        while (el.find()) {
            score -= 1.5;
        }
        Matcher cl = ENGLISH_CLITIC.matcher(text);
        while (cl.find()) {
            score += 1.5;
        }
        return score;
    }
}
