package dev.fonte.answer.extractive;

import dev.fonte.language.FactKind;
import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import dev.fonte.retrieval.FonteAnalyzers;
import dev.fonte.retrieval.PassageIndex;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a question with its language's pack: the kind of fact it asks for (the cue that starts earliest), what it
 * counts or measures, its content terms analysed like the index and met with the glossary, which of them are names
 * or numbers, the alternatives it offers and the years it speaks of.
 */
public final class QuestionReader {

    private static final Pattern DIGIT = Pattern.compile(".*\\d.*");
    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
    /** An elided article or preposition before a word of three letters or more ("l'investimento", not "What's"). */
    private static final Pattern ELIDED = Pattern.compile("^\\p{L}{1,5}['’](?=\\p{L}{3})");

    private final Map<String, Set<String>> skipStems = new ConcurrentHashMap<>();
    /**
     * The most ways of saying one term that are kept: glossary synonyms and translations multiply, and a question must
     * not be able to make the reader enumerate them all.
     */
    private static final int MAX_WAYS = 64;

    private final Lexicon lexicon;

    public QuestionReader(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * @param question   the question to read (the standalone form of a follow-up)
     * @param ownWords   what the asker wrote in this turn (the same as {@code question} outside a follow-up)
     * @param languages  the languages of the corpus's documents: each term is said in each of them
     */
    public ReadQuestion read(String question, String ownWords, Language language, Collection<String> languages,
                             PassageIndex index) {
        return read(question, ownWords, language, languages, index,
                new SentenceReader.CorpusWords(Set.of(), Set.of()));
    }

    /** @param words how the corpus writes its words: a capitalised question word is a name when the corpus says so */
    ReadQuestion read(String question, String ownWords, Language language, Collection<String> languages,
                      PassageIndex index, SentenceReader.CorpusWords words) {
        this.words.set(words);
        try {
            return readQuestion(question, ownWords, language, languages, index);
        } finally {
            this.words.remove();
        }
    }

    /** The corpus's words for the question being read (reading one question is one call, on one thread). */
    private final ThreadLocal<SentenceReader.CorpusWords> words =
            ThreadLocal.withInitial(() -> new SentenceReader.CorpusWords(Set.of(), Set.of()));

    private ReadQuestion readQuestion(String question, String ownWords, Language language, Collection<String> languages,
                                      PassageIndex index) {
        Language.QuestionWords words = language.question();
        String rewritten = question;
        for (Language.Rewrite r : words.rewrites()) {
            rewritten = r.pattern().matcher(rewritten).replaceAll(r.replacement());
        }
        Set<String> languageCodes = new LinkedHashSet<>();
        languageCodes.add(language.code());
        languageCodes.addAll(languages);
        Cue cue = cue(rewritten, language);
        if (cue.kind() == FactKind.NONE && !rewritten.equals(question)) {
            // a roundabout name that is the whole question asks what it names: "Chi ha scritto l'articolo?" asks who
            // the author is; one that is the subject of more words is only a name ("Chi ha scritto l'articolo ha
            // azioni...?" asks about the author's holdings)
            Cue original = cue(question, language);
            if (original.kind() != FactKind.NONE && rest(rewritten, question, language, index).isEmpty()) {
                cue = new Cue(original.kind(), List.of(), original.thingWords(), original.thingStart(), List.of(),
                        original.start(), original.end());
            }
        }
        List<int[]> consumed = new ArrayList<>(cue.consumed());
        List<int[]> excludedSpans = exclusions(rewritten, language);
        List<Term> all = terms(rewritten, language, languageCodes, index, consumed, true);
        List<Term> excluded = all.stream().filter(t -> inside(t.start(), excludedSpans)).toList();
        List<Term> terms = all.stream().filter(t -> !inside(t.start(), excludedSpans)).toList();
        if (!ownWords.equals(question)) {
            Set<String> own = new HashSet<>();
            terms(ownWords, language, Set.of(language.code()), index, List.of(), false)
                    .forEach(t -> own.add(t.surface()));
            terms = terms.stream().map(t -> t.asked(own.contains(t.surface()))).toList();
        }
        boolean identity = cue.kind() == FactKind.PERSON && words.identity().matcher(question).find();
        Optional<Term> thing = Optional.empty();
        if (!cue.thingWords().isBlank()) {
            // what is counted or measured is the term the words start with: "how much did Meta spend" measures nothing;
            // it is said in every language of the corpus, as the terms are (a count of "persone" is one of "people")
            thing = terms(cue.thingWords(), language, languageCodes, index, List.of(), true).stream()
                    .filter(t -> t.start() == 0).findFirst();
        }
        List<int[]> verbSpans = new ArrayList<>(cue.verbs());
        for (Pattern p : words.predicate()) {
            Matcher m = p.matcher(rewritten);
            if (m.find() && m.start("verb") >= 0) {
                verbSpans.add(new int[] {m.start("verb"), m.end("verb")});
            }
        }
        List<Term> verbs = terms.stream().filter(t -> inside(t.start(), verbSpans)).toList();
        return new ReadQuestion(language, rewritten, cue.kind(), identity, terms, thing, cue.thingWords(),
                alternatives(rewritten, language, languageCodes, index), Years.in(question, language), verbs, excluded);
    }

    /** The content terms of the rewritten question outside what the rewrites put in. */
    private List<Term> rest(String rewritten, String question, Language language, PassageIndex index) {
        String rest = rewritten;
        for (Language.Rewrite r : language.question().rewrites()) {
            rest = rest.replace(r.replacement(), " ");
        }
        return terms(rest, language, Set.of(language.code()), index, List.of(), false);
    }

    /** The spans of the names after an exclusion ("oltre a Meta", "besides Google"): a run of capitalised words. */
    private static List<int[]> exclusions(String question, Language language) {
        List<int[]> out = new ArrayList<>();
        Matcher m = language.question().exclusions().matcher(question);
        while (m.find()) {
            Matcher name = EXCLUDED_NAME.matcher(question).region(m.end(), question.length());
            if (name.lookingAt()) {
                out.add(new int[] {name.start(1), name.end(1)});
            }
        }
        return out;
    }

    private static final Pattern EXCLUDED_NAME = Pattern.compile(
            "\\s*(?:\\p{Ll}{1,3}['’]?\\s*)?(\\p{Lu}[\\p{L}\\p{N}-]*(?:\\s+\\p{Lu}[\\p{L}\\p{N}-]*)*)");

    /**
     * The winning cue of a question: its kind, the spans of the words it consumes and of its verb, its thing, and
     * where its words stand in the question.
     */
    record Cue(FactKind kind, List<int[]> consumed, String thingWords, int thingStart, List<int[]> verbs, int start,
               int end) {
        static final Cue NONE = new Cue(FactKind.NONE, List.of(), "", -1, List.of(), -1, -1);
    }

    /**
     * What a question asks for by its words alone, as {@link #read} finds it.
     *
     * @param start where the asking words start, -1 when the question has none
     * @param end   where they end: before what they count or measure ("how many GPUs" ends before "GPUs")
     */
    public record Asking(FactKind kind, int start, int end) {
    }

    /** What {@code question} asks for: the kind of fact and the span of its asking words. */
    public static Asking asking(String question, Language language) {
        Cue c = cue(question, language);
        return new Asking(c.kind(), c.start(), c.thingStart() >= 0 ? c.thingStart() : c.end());
    }

    /** The kind of fact the question asks for: the cue that starts earliest, a fallback cue only when none does. */
    static Cue cue(String question, Language language) {
        Language.QuestionWords words = language.question();
        if (words.yesNo().matcher(question).find()) {
            return Cue.NONE;
        }
        Cue best = best(question, words.cues(), false);
        return best != null ? best : Optional.ofNullable(best(question, words.cues(), true)).orElse(Cue.NONE);
    }

    private static Cue best(String question, List<Language.Cue> cues, boolean fallback) {
        Cue best = null;
        int at = Integer.MAX_VALUE;
        for (Language.Cue c : cues) {
            if (c.fallback() != fallback) {
                continue;
            }
            Matcher m = c.pattern().matcher(question);
            // on a tie the cue listed first wins: the pack lists the more specific ones first
            if (m.find() && m.start() < at) {
                at = m.start();
                best = new Cue(c.kind(), spans(m, c.nounGroups()), "", -1, spans(m, c.verbGroups()), m.start(),
                        m.end());
                for (String g : c.thingGroups()) {
                    if (m.group(g) != null) {
                        best = new Cue(c.kind(), best.consumed(), m.group(g), m.start(g), best.verbs(), m.start(),
                                m.end());
                        break;
                    }
                }
            }
        }
        return best;
    }

    private static List<int[]> spans(Matcher m, List<String> groups) {
        List<int[]> out = new ArrayList<>();
        for (String g : groups) {
            if (m.start(g) >= 0) {
                out.add(new int[] {m.start(g), m.end(g)});
            }
        }
        return out;
    }

    /**
     * The content terms of a text: one per stretch between the articulation points of the question analyzer's
     * synonym graph (a glossary synonym spans the words it replaces: "chip grafici" = "gpu"); each path through the
     * stretch is one way of saying the term. Question words, skip words and the consumed spans are left out.
     */
    List<Term> terms(String text, Language language, Set<String> languages, PassageIndex index, List<int[]> consumed,
                     boolean everyLanguage) {
        Set<String> skip = skipStems.computeIfAbsent(language.code(), c -> stems(language.question().skip(), c));
        List<Term> out = new ArrayList<>();
        Analyzer analyzer = index.queryAnalyzer(language.code());
        try (TokenStream ts = analyzer.tokenStream("q", text)) {
            // the graph resets, reads and ends the stream itself
            GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(ts);
            int[] points = graph.articulationPoints();
            int from = 0;
            for (int i = 0; i <= points.length; i++) {
                int to = i < points.length ? points[i] : -1;
                Set<List<String>> phrases = new LinkedHashSet<>();
                int spanStart = Integer.MAX_VALUE;
                int spanEnd = -1;
                for (Iterator<TokenStream> paths = graph.getFiniteStrings(from, to);
                     paths.hasNext() && phrases.size() < MAX_WAYS; ) {
                    TokenStream path = paths.next();
                    CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
                    OffsetAttribute offset = path.addAttribute(OffsetAttribute.class);
                    List<String> phrase = new ArrayList<>();
                    path.reset();
                    while (path.incrementToken()) {
                        String t = term.toString();
                        if (skip.contains(t) || inside(offset.startOffset(), consumed)) {
                            continue;
                        }
                        phrase.add(t);
                        spanStart = Math.min(spanStart, offset.startOffset());
                        spanEnd = Math.max(spanEnd, Math.min(offset.endOffset(), text.length()));
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
                // an elided article or preposition is not part of the word ("l'investimento", "d'Italia")
                String surface = ELIDED.matcher(text.substring(spanStart, spanEnd)).replaceFirst("");
                boolean glossary = phrases.size() > 1;
                Set<String> stems = new HashSet<>();
                phrases.forEach(stems::addAll);
                Term.Kind kind = kind(stems, surface, spanStart + (spanEnd - spanStart - surface.length()), text);
                boolean name = kind == Term.Kind.CRITICAL && !glossary && !DIGIT.matcher(surface).matches();
                Map<String, Set<List<String>>> byLanguage = new LinkedHashMap<>();
                byLanguage.put(language.code(), Set.copyOf(phrases));
                for (String other : languages) {
                    if (everyLanguage && !other.equals(language.code())) {
                        byLanguage.put(other, ways(surface, phrases, name, language.code(), other, index));
                    }
                }
                // a capitalised word the corpus also writes in lower case is a common noun ("Paese"), and a place the
                // question puts its fact in ("in Italia") narrows it, it is not who the fact is about
                String lower = FactFinder.bare(surface);
                boolean corpusName = words.get().capitalised().contains(lower);
                if (kind == Term.Kind.CRITICAL && !DIGIT.matcher(surface).matches()
                        && (!corpusName && words.get().lowercase().contains(lower)
                        || afterPlacePreposition(text, spanStart, language))) {
                    kind = Term.Kind.ORDINARY;
                }
                // a capitalised glossary term the corpus does not write as a name ("Wall Street") is a domain concept
                // the glossary spells out, not an entity every answer must repeat
                if (kind == Term.Kind.CRITICAL && glossary && !corpusName && !DIGIT.matcher(surface).matches()) {
                    kind = Term.Kind.ORDINARY;
                }
                // a word the asker's documents never use, that the lexicon does not translate and documents in another
                // language write as it is, crosses languages unchanged as names do (a drug, a sport, a product:
                // "lecanemab"), whatever its case
                if (kind == Term.Kind.ORDINARY && everyLanguage && !glossary
                        && crossesUnchanged(surface, language.code(), languages, index)) {
                    kind = Term.Kind.CRITICAL;
                }
                Set<String> common = new HashSet<>();
                if (kind == Term.Kind.CRITICAL && name && everyLanguage) {
                    languages.stream().filter(other -> !other.equals(language.code())
                            && commonWordIn(surface, language.code(), other)).forEach(common::add);
                }
                out.add(new Term(surface, Map.copyOf(byLanguage), kind, glossary, true, spanStart, common));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory question failed", e);
        }
        return out;
    }

    /**
     * The ways of saying a term in another language. Names and figures cross languages as they are; words cross by
     * the lexicon, every sense kept. A word of a name that the other language's analysis drops ("AD" of "Clarity AD",
     * a stop word in Italian) is not looked for there, nor translated as a common word: it is the empty phrase, which
     * every sentence says. A word the lexicon does not translate is also said without the ending its own analysis cut
     * off: a word two languages share is inflected by each its own way ("referendums", "referendum").
     */
    private Set<List<String>> ways(String surface, Set<List<String>> own, boolean name, String from, String to,
                                   PassageIndex index) {
        // a possessive ending is the asker's grammar, not the name: "Merz's" is written "Merz" in an Italian
        // sentence, whose analysis keeps the ending as part of the word; a name that ends so ("McDonald's") is also
        // looked for as written
        Set<List<String>> written = new LinkedHashSet<>(sayings(surface, to, index));
        String bare = CapitalisedWords.withoutPossessives(surface);
        if (!bare.equals(surface)) {
            written.addAll(sayings(bare, to, index));
        }
        if (name && written.isEmpty()) {
            return Set.of(List.of());
        }
        Set<List<String>> ways = new LinkedHashSet<>(written);
        List<String> translated = translations(surface, from, to);
        for (String t : translated) {
            if (ways.size() >= MAX_WAYS) {
                break;
            }
            ways.addAll(sayings(t, to, index));
        }
        String lower = FactFinder.bare(surface);
        if (translated.isEmpty() && own.size() == 1) {
            List<String> stems = own.iterator().next();
            if (stems.size() == 1 && Lexicon.endingOnly(stems.get(0), lower)) {
                ways.addAll(sayings(stems.get(0), to, index));
            }
        }
        return Set.copyOf(ways);
    }

    /**
     * The ways the lexicon says a term in another language: its translations as a whole, else each combination of
     * its words' translations (a word without one kept as it is), at most {@link #MAX_WAYS} of them.
     */
    private List<String> translations(String surface, String from, String to) {
        Set<String> whole = lexicon.translations(surface, from, to);
        if (!whole.isEmpty() || !lexicon.covers(from, to)) {
            return List.copyOf(whole);
        }
        String[] words = surface.split("\\s+");
        if (words.length < 2) {
            return List.of();
        }
        List<String> out = new ArrayList<>(List.of(""));
        boolean any = false;
        for (String word : words) {
            Set<String> ways = lexicon.translations(word, from, to);
            any |= !ways.isEmpty();
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                for (String way : ways.isEmpty() ? Set.of(word) : ways) {
                    if (next.size() < MAX_WAYS) {
                        next.add((prefix + " " + way).strip());
                    }
                }
            }
            out = next;
        }
        return any ? out : List.of();
    }

    /**
     * Whether a name of the question is a common word in another language: the corpus writes its translations in
     * lower case, and none of them capitalised inside a sentence. Languages capitalise different words (the months,
     * the adjectives of peoples and places), and a word that is only capitalised in the asker's is no name to a
     * document in the other; a name with a common word among its senses ("Alzheimer's", "demenza") stays one. A word
     * the corpus also writes in lower case as the asker wrote it is capitalised here as part of a name, not by its
     * language's spelling: "Difesa" of "il ministero della Difesa" names a ministry, in Spanish too.
     */
    private boolean commonWordIn(String surface, String from, String to) {
        SentenceReader.CorpusWords corpus = words.get();
        if (corpus.lowercase().contains(FactFinder.bare(surface))) {
            return false;
        }
        List<String> translations = lexicon.translations(surface, from, to).stream().map(FactFinder::bare).toList();
        return translations.stream().anyMatch(corpus.lowercase()::contains)
                && translations.stream().noneMatch(corpus.capitalised()::contains);
    }

    /**
     * Whether a single word that no document in the question's language uses has no translation into any other
     * language of the corpus the lexicon covers, and the documents of one of them use it as it is written (a word the
     * asker's documents use is a word of that language, whatever another language spells alike).
     */
    private boolean crossesUnchanged(String surface, String from, Set<String> languages, PassageIndex index) {
        if (!WORD_ONLY.matcher(surface).matches() || !index.languages().contains(from)) {
            return false;
        }
        // the index analysis, not the question's (whose stream is being read)
        Set<String> own = FonteAnalyzers.terms(FonteAnalyzers.shared(from), surface);
        if (own.isEmpty() || own.stream().allMatch(w -> index.knows(from, w))) {
            return false;
        }
        boolean written = false;
        for (String other : languages) {
            if (other.equals(from)) {
                continue;
            }
            if (!lexicon.covers(from, other) || !lexicon.translations(surface, from, other).isEmpty()) {
                return false;
            }
            Set<List<String>> said = sayings(surface, other, index);
            written |= !said.isEmpty() && said.stream().allMatch(p -> p.stream().allMatch(w -> index.knows(other, w)));
        }
        return written;
    }

    private static final Pattern WORD_ONLY = Pattern.compile("\\p{L}{4,}");

    /** The ways another language's analysis says a term's words (names and numbers cross languages as they are). */
    private Set<List<String>> sayings(String surface, String language, PassageIndex index) {
        Set<List<String>> out = new LinkedHashSet<>();
        try (TokenStream ts = index.queryAnalyzer(language).tokenStream("q", surface)) {
            GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(ts);
            for (Iterator<TokenStream> paths = graph.getFiniteStrings(); paths.hasNext() && out.size() < MAX_WAYS; ) {
                TokenStream path = paths.next();
                CharTermAttribute term = path.addAttribute(CharTermAttribute.class);
                List<String> phrase = new ArrayList<>();
                path.reset();
                while (path.incrementToken()) {
                    phrase.add(term.toString());
                }
                path.close();
                if (!phrase.isEmpty()) {
                    out.add(List.copyOf(phrase));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory question failed", e);
        }
        return Set.copyOf(out);
    }

    private static boolean inside(int offset, List<int[]> spans) {
        for (int[] s : spans) {
            if (offset >= s[0] && offset < s[1]) {
                return true;
            }
        }
        return false;
    }

    /** The two alternatives of an either/or question: the term right before the "or" word and the first after it. */
    private List<Term> alternatives(String question, Language language, Set<String> languages, PassageIndex index) {
        Matcher m = language.question().eitherOr().matcher(question);
        while (m.find()) {
            List<Term> before = terms(question.substring(0, m.start()), language, languages, index, List.of(), true);
            List<Term> after = terms(question.substring(m.end()), language, languages, index, List.of(), true);
            if (!before.isEmpty() && !after.isEmpty()) {
                return List.of(before.get(before.size() - 1), after.get(0));
            }
        }
        return List.of();
    }

    private static Term.Kind kind(Set<String> stems, String surface, int start, String question) {
        if (stems.stream().anyMatch(s -> YEAR.matcher(s).matches())) {
            return Term.Kind.YEAR;
        }
        if (stems.stream().anyMatch(s -> DIGIT.matcher(s).matches())) {
            return Term.Kind.CRITICAL;
        }
        // in a question written in capitals, a capital marks nothing ("QUANTI SOLDI INVESTE META?"); the question's
        // first word is capitalised anyway, unless it has capitals inside ("OpenAI ha...")
        boolean capitalised = !surface.isEmpty() && Character.isUpperCase(surface.codePointAt(0)) && !shouted(question);
        boolean firstWord = question.substring(0, start).replaceAll("[\\p{P}\\s]", "").isEmpty();
        boolean innerCapital = surface.codePoints().skip(1).anyMatch(Character::isUpperCase);
        return capitalised && (!firstWord || innerCapital) ? Term.Kind.CRITICAL : Term.Kind.ORDINARY;
    }

    /** Whether a place preposition of the language stands right before a position ("in Italia", "a Francoforte"). */
    static boolean afterPlacePreposition(String text, int at, Language language) {
        int b = at;
        while (b > 0 && (Character.isWhitespace(text.charAt(b - 1)) || text.charAt(b - 1) == '\''
                || text.charAt(b - 1) == '’')) {
            b--;
        }
        return language.placePrepositions().endingAt(text, b, 12) >= 0;
    }

    /** Whether most of the question's letters are capitals. */
    static boolean shouted(String question) {
        long letters = question.codePoints().filter(Character::isLetter).count();
        long upper = question.codePoints().filter(Character::isUpperCase).count();
        return letters >= 8 && upper * 5 >= letters * 4;
    }

    private static Set<String> stems(Collection<String> words, String language) {
        Set<String> out = new HashSet<>();
        Analyzer analyzer = FonteAnalyzers.shared(language);
        for (String w : words) {
            out.addAll(FonteAnalyzers.terms(analyzer, w.toLowerCase(Locale.ROOT)));
        }
        return Set.copyOf(out);
    }

    /** The languages of a corpus's documents, the registered ones in their order. */
    static List<String> corpusLanguages(PassageIndex index, Languages languages) {
        Set<String> present = index.languages();
        return languages.all().stream().map(Language::code).filter(present::contains).toList();
    }
}
