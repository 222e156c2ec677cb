package dev.fonte.answer;

import dev.fonte.retrieval.FonteAnalyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
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
            "something anything thing things think thinks doing done get gets got make makes",
            // words that point back at something said before instead of naming it ("qualcosa di simile")
            "simile simili analogo analoga stesso stessa stessi altrettanto similar same likewise alike",
            // particles of phrasal verbs ("add up to", "come up with") carry no subject either
            "up out off");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    private static final Pattern DIGIT = Pattern.compile(".*\\d.*");

    enum Kind { ORDINARY, YEAR, CRITICAL }

    /** One question term: its alternatives (stem plus glossary synonyms) and the words it came from. */
    record Term(Set<String> alternatives, String surface, Kind kind) {

        /** A glossary term: the glossary added synonyms to it. */
        boolean glossary() {
            return alternatives.size() > 1;
        }
    }

    private QuestionTerms() {
    }

    private static final Map<String, Set<String>> SKIP = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param queryAnalyzer the language's query analyzer (with the glossary's synonyms); it stays open */
    static List<Term> of(String question, String language, Analyzer queryAnalyzer) {
        Set<String> skip = SKIP.computeIfAbsent(language, l -> stems(QUESTION_WORDS, l));
        // one term per stretch of the question: a glossary synonym spans the words it replaces ("chip grafici" =
        // "gpu", "Wall Street" = "borsa"), so tokens whose spans overlap are one term, however many positions the
        // synonym graph gives them
        List<int[]> spans = new ArrayList<>();
        List<Set<String>> tokens = new ArrayList<>();
        try (TokenStream ts = queryAnalyzer.tokenStream("q", question)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                if (skip.contains(t)) {
                    continue;
                }
                int start = offset.startOffset();
                int end = Math.min(offset.endOffset(), question.length());
                int at = -1;
                for (int i = 0; i < spans.size(); i++) {
                    if (start < spans.get(i)[1] && spans.get(i)[0] < end) {
                        at = i;
                        break;
                    }
                }
                if (at < 0) {
                    spans.add(new int[] {start, end});
                    tokens.add(new HashSet<>(Set.of(t)));
                } else {
                    spans.get(at)[0] = Math.min(spans.get(at)[0], start);
                    spans.get(at)[1] = Math.max(spans.get(at)[1], end);
                    tokens.get(at).add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Term> out = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            int[] span = spans.get(i);
            Set<String> alternatives = tokens.get(i);
            String surface = question.substring(span[0], span[1]);
            Kind kind = kind(alternatives, surface, span[0], question);
            // a capitalised glossary term ("Wall Street") names a domain concept the glossary spells out, not an
            // entity every answer must repeat
            Term t = new Term(alternatives, surface, kind);
            out.add(kind == Kind.CRITICAL && t.glossary() && !DIGIT.matcher(surface).matches()
                    ? new Term(alternatives, surface, Kind.ORDINARY) : t);
        }
        return out;
    }

    private static Kind kind(Set<String> stems, String surface, int start, String question) {
        if (stems.stream().anyMatch(s -> YEAR.matcher(s).matches())) {
            return Kind.YEAR;
        }
        if (stems.stream().anyMatch(s -> DIGIT.matcher(s).matches())) {
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
