package dev.fonte.answer;

import dev.fonte.retrieval.FonteAnalyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
            "be been has have had can could should tell me about say says said article text according the",
            "there any know please",
            // words that frame the kind of fact asked for rather than its subject (the question type reads them)
            "size big large total amount number figure kind type terms exactly roughly approximately",
            "dimensione grande grandi totale cifra numero tipo termini esattamente circa",
            // light verbs and pronouns that carry no subject of their own
            "stato stata stati state essere avere fare fatto qualcosa qualche cose pensa pensano riesce riescono",
            "deve devono dovrebbe vengono viene venire oltre",
            "something anything thing things think thinks doing done get gets got make makes");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern DIGIT = Pattern.compile(".*\\d.*");

    enum Kind { ORDINARY, YEAR, CRITICAL }

    /** One question term: its alternatives (stem plus glossary synonyms) and the words it came from. */
    record Term(Set<String> alternatives, String surface, Kind kind) {
    }

    private QuestionTerms() {
    }

    private static final Map<String, Set<String>> SKIP = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param queryAnalyzer the language's query analyzer (with the glossary's synonyms); it stays open */
    static List<Term> of(String question, String language, Analyzer queryAnalyzer) {
        Set<String> skip = SKIP.computeIfAbsent(language, l -> stems(QUESTION_WORDS, l));
        Map<Integer, Term> byPosition = new LinkedHashMap<>();
        try (TokenStream ts = queryAnalyzer.tokenStream("q", question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute len = ts.addAttribute(PositionLengthAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                String t = term.toString();
                if (skip.contains(t)) {
                    continue;
                }
                String surface = question.substring(offset.startOffset(), Math.min(offset.endOffset(), question.length()));
                Term existing = byPosition.get(position);
                if (existing == null) {
                    Set<String> alternatives = new HashSet<>();
                    alternatives.add(t);
                    byPosition.put(position, new Term(alternatives, surface, kind(t, surface, offset.startOffset(), question)));
                } else {
                    existing.alternatives().add(t);
                }
                if (len.getPositionLength() > 1) {
                    // a multi-word synonym ("chip grafici" = "gpu") also covers the words it spans
                    for (int p = position + 1; p < position + len.getPositionLength(); p++) {
                        byPosition.computeIfAbsent(p, k -> new Term(new HashSet<>(), "", Kind.ORDINARY))
                                .alternatives().add(t);
                    }
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byPosition.values().stream().filter(t -> !t.surface().isEmpty() || !t.alternatives().isEmpty()).toList();
    }

    private static Kind kind(String stem, String surface, int start, String question) {
        if (YEAR.matcher(stem).matches()) {
            return Kind.YEAR;
        }
        if (DIGIT.matcher(stem).matches()) {
            return Kind.CRITICAL;
        }
        boolean capitalised = !surface.isEmpty() && Character.isUpperCase(surface.codePointAt(0));
        boolean acronym = surface.length() <= 4 && surface.equals(surface.toUpperCase(Locale.ROOT));
        boolean firstWord = question.substring(0, start).strip().replaceAll("[¿¡\"'«“]", "").isEmpty();
        return capitalised && !acronym && !firstWord ? Kind.CRITICAL : Kind.ORDINARY;
    }

    /** The stems of a text under the language's index analyzer. */
    static Set<String> stems(String text, String language) {
        return FonteAnalyzers.terms(FonteAnalyzers.shared(language), text);
    }
}
