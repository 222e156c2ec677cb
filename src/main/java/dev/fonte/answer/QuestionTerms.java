package dev.fonte.answer;

import dev.fonte.retrieval.FonteAnalyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content terms of a question, analysed like the index (stems, elisions, numbers written one way), each with
 * its glossary alternatives, and classified: a number or a proper name must be found for an answer to count
 * (critical), a year only weighs a little (it is often implied: "quest'anno"), the rest are ordinary terms.
 */
final class QuestionTerms {

    /** Words that shape a question but are not its content, in both languages. */
    private static final String QUESTION_WORDS = String.join(" ",
            "quanto quanta quanti quante chi cosa che come dove quando perché perche quale quali qual",
            "è e sono sarà saranno era erano ha hanno aveva avevano avrà fa fanno farà dice detto dire",
            "secondo articolo testo può possono potrebbe mi ci dimmi spiegami raccontami sai vuole vorrebbe",
            "how much many what who whom whose where when why which does do did will would is are was were",
            "be been has have had can could should tell me about say says said article piece text according the",
            "there any know please",
            // words that frame the kind of fact asked for rather than its subject (the question type reads them)
            "size big large total amount number figure kind type terms exactly roughly approximately",
            "dimensione grande grandi totale cifra numero tipo termini esattamente circa ammonta ammontano ammontare",
            // light verbs and pronouns that carry no subject of their own
            "stato stata stati state essere avere fare fatto qualcosa qualche cose pensa pensano riesce riescono",
            "deve devono dovrebbe vengono viene venire oltre",
            "something anything thing things think thinks doing done get gets got make makes",
            // words that point back at something said before instead of naming it ("qualcosa di simile")
            "simile simili analogo analoga stesso stessa stessi altrettanto similar same likewise alike",
            // particles of phrasal verbs ("add up to", "come up with") carry no subject either
            "up out off");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern DIGIT = Pattern.compile(".*\\d.*");

    enum Kind { ORDINARY, YEAR, CRITICAL }

    /**
     * One question term: the ways of saying it (its stems, and each glossary synonym as the stems of all its words:
     * "spesa in conto capitale" is said only by a sentence with all three), every stem of those, and the words it
     * came from.
     */
    record Term(Set<List<String>> phrases, String surface, Kind kind) {

        /** Every stem of every way of saying the term. */
        Set<String> alternatives() {
            Set<String> out = new HashSet<>();
            phrases.forEach(out::addAll);
            return out;
        }

        /** A glossary term: the glossary added synonyms to it. */
        boolean glossary() {
            return phrases.size() > 1;
        }

        Term withKind(Kind kind) {
            return new Term(phrases, surface, kind);
        }
    }

    private QuestionTerms() {
    }

    private static final Map<String, Set<String>> SKIP = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param queryAnalyzer the language's query analyzer (with the glossary's synonyms); it stays open */
    static List<Term> of(String question, String language, Analyzer queryAnalyzer) {
        Set<String> skip = SKIP.computeIfAbsent(language, QuestionTerms::skipped);
        // one term per stretch of the question between the synonym graph's articulation points: a glossary synonym
        // spans the words it replaces ("chip grafici" = "gpu", "Wall Street" = "borsa"), and each path through the
        // stretch is one way of saying the term, however many positions the graph gives it
        List<Term> out = new ArrayList<>();
        try (TokenStream ts = queryAnalyzer.tokenStream("q", question)) {
            // the graph resets, reads and ends the stream itself
            GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(ts);
            int[] points = graph.articulationPoints();
            int from = 0;
            for (int i = 0; i <= points.length; i++) {
                int to = i < points.length ? points[i] : -1;
                Set<List<String>> phrases = new LinkedHashSet<>();
                int spanStart = Integer.MAX_VALUE;
                int spanEnd = -1;
                for (Iterator<TokenStream> paths = graph.getFiniteStrings(from, to); paths.hasNext(); ) {
                    TokenStream path = paths.next();
                    CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
                    OffsetAttribute offset = path.addAttribute(OffsetAttribute.class);
                    List<String> phrase = new ArrayList<>();
                    path.reset();
                    while (path.incrementToken()) {
                        String t = term.toString();
                        if (skip.contains(t)) {
                            continue;
                        }
                        phrase.add(t);
                        spanStart = Math.min(spanStart, offset.startOffset());
                        spanEnd = Math.max(spanEnd, Math.min(offset.endOffset(), question.length()));
                    }
                    path.close();
                    if (!phrase.isEmpty()) {
                        phrases.add(List.copyOf(phrase));
                    }
                }
                from = to;
                if (phrases.isEmpty()) {
                    continue;
                }
                String surface = question.substring(spanStart, spanEnd);
                Set<String> stems = new HashSet<>();
                phrases.forEach(stems::addAll);
                Kind kind = kind(stems, surface, spanStart, question);
                // a capitalised glossary term ("Wall Street") names a domain concept the glossary spells out, not an
                // entity every answer must repeat
                Term t = new Term(Set.copyOf(phrases), surface, kind);
                out.add(kind == Kind.CRITICAL && t.glossary() && !DIGIT.matcher(surface).matches()
                        ? t.withKind(Kind.ORDINARY) : t);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * The stems a question's content leaves out: the question words above and, in English, Snowball's fuller list of
     * function words ("I", "should", "which", "own"), which the index's short classic stop list keeps.
     */
    private static Set<String> skipped(String language) {
        Set<String> skip = new HashSet<>(stems(QUESTION_WORDS, language));
        if ("en".equals(language)) {
            try (var reader = IOUtils.getDecodingReader(SnowballFilter.class, "english_stop.txt", StandardCharsets.UTF_8)) {
                CharArraySet words = WordlistLoader.getSnowballWordSet(reader);
                for (Object w : words) {
                    skip.addAll(stems(new String((char[]) w), language));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Set.copyOf(skip);
    }

    private static Kind kind(Set<String> stems, String surface, int start, String question) {
        if (stems.stream().anyMatch(s -> YEAR.matcher(s).matches())) {
            return Kind.YEAR;
        }
        if (stems.stream().anyMatch(s -> DIGIT.matcher(s).matches())) {
            return Kind.CRITICAL;
        }
        // in a question written in capitals, a capital marks nothing ("QUANTI SOLDI INVESTE META?")
        boolean capitalised = !surface.isEmpty() && Character.isUpperCase(surface.codePointAt(0)) && !shouted(question);
        boolean acronym = surface.length() <= 4 && surface.equals(surface.toUpperCase(Locale.ROOT));
        boolean firstWord = question.substring(0, start).strip().replaceAll("[¿¡\"'«“]", "").isEmpty();
        return capitalised && !acronym && !firstWord ? Kind.CRITICAL : Kind.ORDINARY;
    }

    /** Whether most of the question's letters are capitals. */
    static boolean shouted(String question) {
        long letters = question.codePoints().filter(Character::isLetter).count();
        long upper = question.codePoints().filter(Character::isUpperCase).count();
        return letters >= 8 && upper * 5 >= letters * 4;
    }

    /** The stems of a text under the language's index analyzer. */
    static Set<String> stems(String text, String language) {
        return FonteAnalyzers.terms(FonteAnalyzers.shared(language), text);
    }
}
