package dev.fonte.answer;

import dev.fonte.answer.extractive.Fact;
import dev.fonte.answer.extractive.FactFinder;
import dev.fonte.answer.extractive.Stems;
import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import dev.fonte.retrieval.FonteAnalyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a sentence of a language model's answer is supported by the spans it cites: every figure it gives, every
 * name it uses and every content word it says must be in those spans (not in their paragraphs around them), and a
 * negation must be on both sides or on neither.
 *
 * <p>Words are compared as the index compares them: each side is analysed with its language's chain (so "investirà"
 * is said by "investimento", {@link Stems#sameWord}), the glossary's synonyms count ("chip grafici" is said by
 * "GPU"), and figures are compared in the one way every pack writes numbers ("1,3" and "1.3", "13.000" and "13,000",
 * a number word and its value). Names are found with the engine's {@link FactFinder}; a name the cited document is
 * about (its title's and its recurring names: "Meta" in a sentence citing "L'azienda prevede...") is supported by it.
 * Words that only attribute, connect or hedge ("according to the article") are the pack's filler and claim nothing.
 * A sentence in the pack's frame around a quotation from a document in another language is checked by its quotation.
 *
 * <p>What this cannot see: words in another order ("Google invested in Meta" against "Meta invested in Google"), and a
 * word said in another language than its span's without a glossary line or an aligned translation to bridge them.
 */
public final class Grounding {

    /** The reason of a draft none of whose cited sentences its spans support. */
    public static final String UNSUPPORTED = "made unsupported claims";

    /**
     * A span a sentence cites.
     *
     * @param language its text's language code
     * @param subject  names its document is about, which a sentence citing it may say without the span saying them
     */
    public record Span(String text, String language, Set<String> subject) {
        public Span {
            subject = Set.copyOf(subject);
        }
    }

    /**
     * What of a sentence its spans do not say: nothing when it is supported.
     *
     * @param words        the content words the spans do not say
     * @param contentWords how many content words the sentence has, said or not
     * @param negation     one side negates and the other does not
     */
    public record Verdict(List<String> figures, List<String> names, List<String> words, int contentWords,
                          boolean negation, double minWordShare) {

        public boolean supported() {
            return figures.isEmpty() && names.isEmpty() && !negation && (contentWords == 0
                    || (double) (contentWords - words.size()) / contentWords >= minWordShare - 1e-9);
        }

        /** What is missing, for a log line: {@code figures 10.000; names Texas; words assumerà}. */
        public String missing() {
            List<String> parts = new ArrayList<>();
            if (!figures.isEmpty()) {
                parts.add("figures " + String.join(", ", figures));
            }
            if (!names.isEmpty()) {
                parts.add("names " + String.join(", ", names));
            }
            if (!words.isEmpty()) {
                parts.add("words " + String.join(", ", words));
            }
            if (negation) {
                parts.add("a negation on one side only");
            }
            return String.join("; ", parts);
        }
    }

    private static final Pattern DIGIT = Pattern.compile("\\p{N}");
    /** A capitalised word of a title: a name its document is about. */
    private static final Pattern TITLE_NAME = Pattern.compile("(?<![\\p{L}\\p{N}])\\p{Lu}[\\p{L}\\p{N}&'’-]*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)?");

    private final Languages languages;
    private final double minWordShare;
    private final Map<String, Set<String>> fillerStems = new ConcurrentHashMap<>();
    private final Map<String, FactFinder> finders = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> notNames = new ConcurrentHashMap<>();
    private final Map<String, Pattern> frames = new ConcurrentHashMap<>();

    /** @param minWordShare the share of a sentence's content words its spans must say (1: every one) */
    public Grounding(Languages languages, double minWordShare) {
        this.languages = languages;
        this.minWordShare = minWordShare;
    }

    /**
     * The names a document is about, which a sentence citing it may say where its span does not: the capitalised
     * words of its title, and the names it keeps coming back to ({@code Corpus.topics}).
     */
    public static Set<String> subject(String title, java.util.Collection<String> topics) {
        Set<String> names = new LinkedHashSet<>(topics);
        Matcher m = TITLE_NAME.matcher(title == null ? "" : title);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /**
     * @param language       the sentence's language (the answer's)
     * @param spans          what the sentence cites
     * @param queryAnalyzers per language code, the analysis that meets the glossary's synonyms
     */
    public Verdict check(String sentence, Language language, List<Span> spans,
                         Function<String, Analyzer> queryAnalyzers) {
        String text = sentence.strip();
        Language lang = language;
        Matcher framed = frame(language).matcher(text);
        if (framed.matches() && !spans.isEmpty()) {
            // the frame is the answer's own words around a quotation: the quotation, in its document's language,
            // is what the span must say
            text = framed.group("quote");
            lang = languages.get(spans.get(0).language());
        }
        Said said = said(spans, lang, queryAnalyzers);
        Set<String> filler = filler(lang);
        Set<String> nameWords = nameWords(text, lang, said.capitalised);
        List<String> figures = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> words = new ArrayList<>();
        int content = 0;
        for (Word w : words(text, lang, queryAnalyzers.apply(lang.code()))) {
            if (DIGIT.matcher(w.stem).find()) {
                if (!said.numbers.contains(w.stem)) {
                    figures.add(w.surface);
                }
                continue;
            }
            if (filler.contains(w.stem)) {
                continue;
            }
            Double value = lang.numbers().words().get(w.surface.toLowerCase(Locale.ROOT));
            if (value != null) {
                if (!said.numbers.contains(canonical(value)) && !said.has(w.alternatives)) {
                    figures.add(w.surface);
                }
                continue;
            }
            if (nameWords.contains(w.surface.toLowerCase(Locale.ROOT))) {
                if (!said.has(w.alternatives) && !said.subject(w.alternatives)) {
                    names.add(w.surface);
                }
                continue;
            }
            content++;
            if (!said.has(w.alternatives)) {
                words.add(w.surface);
            }
        }
        boolean negation = negates(text, lang) != said.negated;
        return new Verdict(distinct(figures), distinct(names), distinct(words), content, negation, minWordShare);
    }

    /** What the spans say, as stems of each language the comparison needs, numbers in one form, names, negation. */
    private Said said(List<Span> spans, Language sentenceLanguage, Function<String, Analyzer> queryAnalyzers) {
        Set<String> stems = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        Set<String> subject = new HashSet<>();
        Set<String> capitalised = new HashSet<>();
        boolean negated = false;
        for (Span span : spans) {
            Language spanLanguage = languages.get(span.language());
            for (String code : new LinkedHashSet<>(List.of(spanLanguage.code(), sentenceLanguage.code()))) {
                // the index's analysis, and the glossary's synonyms of what the span says
                stems.addAll(FonteAnalyzers.terms(FonteAnalyzers.shared(code), span.text()));
                stems.addAll(FonteAnalyzers.terms(queryAnalyzers.apply(code), span.text()));
                for (String name : span.subject()) {
                    subject.addAll(FonteAnalyzers.terms(FonteAnalyzers.shared(code), name));
                }
            }
            Matcher w = WORD.matcher(span.text().toLowerCase(Locale.ROOT));
            while (w.find()) {
                Double value = spanLanguage.numbers().words().get(w.group());
                if (value != null) {
                    numbers.add(canonical(value));
                }
            }
            capitalised.addAll(FactFinder.namesInside(List.of(span.text())));
            span.subject().forEach(n -> capitalised.add(n.toLowerCase(Locale.ROOT)));
            negated |= negates(span.text(), spanLanguage);
        }
        stems.stream().filter(s -> DIGIT.matcher(s).find()).forEach(numbers::add);
        return new Said(stems, numbers, subject, capitalised, negated);
    }

    private record Said(Set<String> stems, Set<String> numbers, Set<String> subjectStems, Set<String> capitalised,
                        boolean negated) {

        boolean has(Set<String> alternatives) {
            return alternatives.stream().anyMatch(a -> matches(a, stems));
        }

        boolean subject(Set<String> alternatives) {
            return alternatives.stream().anyMatch(a -> matches(a, subjectStems));
        }

        private static boolean matches(String stem, Set<String> stems) {
            return stems.contains(stem) || stems.stream().anyMatch(s -> Stems.sameWord(stem, s));
        }
    }

    /**
     * A word of the sentence (an index term with its place) and every way the glossary says it: the query analysis's
     * terms over the same characters.
     */
    private record Word(String surface, String stem, Set<String> alternatives) {
    }

    private static List<Word> words(String text, Language language, Analyzer query) {
        List<Token> own = tokens(FonteAnalyzers.shared(language.code()), text);
        List<Token> glossary = tokens(query, text);
        List<Word> out = new ArrayList<>();
        for (Token t : own) {
            Set<String> alternatives = new HashSet<>();
            alternatives.add(t.term);
            glossary.stream().filter(g -> g.start < t.end && t.start < g.end).forEach(g -> alternatives.add(g.term));
            out.add(new Word(text.substring(t.start, Math.min(t.end, text.length())), t.term, alternatives));
        }
        return out;
    }

    private record Token(String term, int start, int end) {
    }

    private static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("sentence", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory sentence failed", e);
        }
        return out;
    }

    /**
     * The lowercase words of the sentence's names, as the engine finds names; its capitalised first word is one
     * unless it is one of the language's function or filler words.
     */
    private Set<String> nameWords(String text, Language language, Set<String> capitalised) {
        Set<String> notNames = notNames(language);
        FactFinder finder = finders.computeIfAbsent(language.code(), code -> new FactFinder(language, notNames));
        Set<String> opening = new HashSet<>(capitalised);
        Matcher first = WORD.matcher(text);
        if (first.find() && Character.isUpperCase(first.group().codePointAt(0))
                && !notNames.contains(first.group().toLowerCase(Locale.ROOT))) {
            // an answer's sentence often opens with its subject: a capitalised word there is a name unless the
            // language says it is a function word
            opening.add(first.group().toLowerCase(Locale.ROOT));
        }
        Set<String> out = new HashSet<>();
        for (Fact f : finder.find(text, opening)) {
            // a place's name is found as a name too; its common noun ("nella rada di Porticello") is no name
            if (f.type() == Fact.Type.NAME) {
                Matcher w = WORD.matcher(f.text());
                while (w.find()) {
                    out.add(w.group().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private Set<String> notNames(Language language) {
        return notNames.computeIfAbsent(language.code(), code -> {
            Set<String> out = new HashSet<>(language.functionWords());
            out.addAll(language.modelAnswers().filler());
            return Set.copyOf(out);
        });
    }

    private Set<String> filler(Language language) {
        return fillerStems.computeIfAbsent(language.code(), code -> {
            Analyzer analyzer = FonteAnalyzers.shared(code);
            Set<String> out = new HashSet<>();
            language.modelAnswers().filler().forEach(w -> out.addAll(FonteAnalyzers.terms(analyzer, w)));
            return Set.copyOf(out);
        });
    }

    private static boolean negates(String text, Language language) {
        return language.modelAnswers().negations().stream().anyMatch(p -> p.matcher(text).find());
    }

    /**
     * The pack's frame around a quotation from a document in another language, as a pattern whose group
     * {@code quote} is the quotation: "{corpus}, in {language}, says: «{quote}»".
     */
    private Pattern frame(Language language) {
        return frames.computeIfAbsent(language.code(), code -> {
            String template = language.otherLanguageFrame();
            String corpus = alternatives(List.of(language.refusals().one().corpus(),
                    language.refusals().many().corpus()));
            String names = alternatives(languages.all().stream().map(l -> language.nameOf(l.code())).toList());
            StringBuilder regex = new StringBuilder();
            Matcher slot = Pattern.compile("\\{(corpus|language|quote)}").matcher(template);
            int at = 0;
            while (slot.find()) {
                regex.append(Pattern.quote(template.substring(at, slot.start())));
                regex.append(switch (slot.group(1)) {
                    case "corpus" -> corpus;
                    case "language" -> names;
                    default -> "(?<quote>.+)";
                });
                at = slot.end();
            }
            regex.append(Pattern.quote(template.substring(at))).append("[.!?…]*");
            return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        });
    }

    private static String alternatives(List<String> texts) {
        return texts.stream().distinct().map(Pattern::quote).collect(Collectors.joining("|", "(?:", ")"));
    }

    /** A number as the packs' analysis writes it: {@code 1300}, {@code 1_3}. */
    static String canonical(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value).replace('.', '_');
    }

    private static List<String> distinct(List<String> items) {
        return List.copyOf(new LinkedHashSet<>(items));
    }
}
