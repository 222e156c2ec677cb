package dev.fonte.language;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Everything Fonte knows about one language, read from its pack ({@code languages/<code>.yaml}) into typed, compiled
 * parts: its Lucene analysis, the words that tell it apart, abbreviations, number words and units, time words,
 * clause breaks, question cues, intents, follow-up cues and refusal texts. The engine asks a {@link Language} for
 * these by name and never branches on which language it is.
 */
public final class Language {

    /** A question cue: a pattern that asks for a kind of fact; a fallback counts only when no other cue matches. */
    /**
     * A question cue: a pattern that asks for a kind of fact; a fallback counts only when no other cue matches. Its
     * named groups: "noun..." words that only name the kind of fact, "thing..." what is counted or measured,
     * "verb..." the verb that asks it ("earned", "spent").
     */
    public record Cue(FactKind kind, Pattern pattern, boolean fallback, List<String> nounGroups,
                      List<String> thingGroups, List<String> verbGroups) {
    }

    /** A roundabout name rewritten before a question is read ("who wrote this piece" -> "the author"). */
    public record Rewrite(Pattern pattern, String replacement) {
    }

    /** How questions are read. */
    /**
     * How questions are read.
     *
     * @param skip     words that shape a question rather than say what it is about (the pack's list and its files)
     * @param identity a question asking who fits a whole description ("who is X's CEO?")
     */
    public record QuestionWords(Set<String> skip, Pattern identity, Pattern yesNo, List<Cue> cues,
                                List<Rewrite> rewrites, Phrases eitherOr, Phrases exclusions, List<Pattern> predicate) {
    }

    /** Where sentences break into clauses that can be quoted apart. */
    public record Clauses(Phrases connectors, Phrases relatives, Phrases complementizers, Phrases leading) {
    }

    /** Time words; the relative years are counted from a document's year. */
    public record TimeWords(Phrases months, Phrases weekdays, Phrases days, Phrases words, Phrases thisYear,
                            Phrases lastYear, Phrases nextYear, Phrases since, Phrases every, Phrases clock,
                            Phrases comparisons, Phrases earlyYears, Phrases present, Phrases until) {
    }

    /** Number words with their values, and the words that scale a figure. */
    public record Numbers(Map<String, Double> words, Phrases magnitudes, Phrases range, Phrases ordinals,
                          Phrases ordinalSuffixes, Phrases occurrences, Phrases fractionBefore, Phrases fractionOf,
                          Phrases one) {
    }

    /** The units of each dimension, and the words that may stand between a figure and its unit. */
    public record Units(Map<Dimension, Phrases> byDimension, Phrases connectors) {
        public Phrases of(Dimension d) {
            return byDimension.getOrDefault(d, Phrases.none());
        }
    }

    /**
     * Nouns of kinds of things (a consortium, a river, a film), not people, and whether such a noun heads a name of
     * the language from its start ("Stretto di Messina") rather than its end ("Potomac River"); and the pairs of
     * quotation marks its texts enclose a title in («Borgo Sud», a novel), each as its opening and closing mark.
     */
    public record Things(Phrases nouns, boolean headFirst, List<String> titleQuotes) {

        /** Whether the text right around {@code start..end} is a pair of the marks a title is enclosed in. */
        public boolean quotedTitle(String text, int start, int end) {
            if (start == 0 || end >= text.length()) {
                return false;
            }
            String pair = "" + text.charAt(start - 1) + text.charAt(end);
            return titleQuotes.contains(pair);
        }
    }

    /** Messages that ask for a summary or give orders instead of asking. */
    public record Intents(List<Pattern> summary, List<Pattern> instruction) {
    }

    /** Cues that a short question leans on the previous one. */
    public record FollowUp(Phrases openers, Phrases references) {
    }

    /** Refusal texts for one document, or for several. */
    public record RefusalTexts(String corpus, String notSaid, String notSaidFact, String nothingAbout, String about) {
    }

    /** What Fonte says when it does not answer. */
    public record Refusals(RefusalTexts one, RefusalTexts many, String empty, String instruction,
                           Map<FactKind, String> facts) {
        public RefusalTexts texts(boolean oneDocument) {
            return oneDocument ? one : many;
        }
    }

    /**
     * How a language model's answer is read.
     *
     * @param refusals  a model's refusal in its own words: a sentence that states no fact
     * @param filler    lowercase words a sentence may add to what the span it cites says: they claim nothing
     * @param negations a negation: a sentence and its span must agree on having one
     */
    public record ModelAnswers(List<Pattern> refusals, Set<String> filler, List<Pattern> negations) {
    }

    /**
     * A pack's patterns read words as its language writes them: {@code \w} and {@code \b} take accented letters
     * for letters, so {@code cost\w*} matches the whole of "costerà" and "costó" (without it, {@code \w} stops
     * before the accent while {@code \b} sees no boundary there, and a verb with an accented ending matches nothing).
     */
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private final String code;
    private final Map<String, String> names;
    private final AnalysisSpec analysis;
    private final Set<String> detectionWords;
    private final List<Pattern> detectionPatterns;
    private final Set<String> abbreviations;
    private final Numbers numbers;
    private final Units units;
    private final TimeWords time;
    private final Phrases placePrepositions;
    private final Phrases placeArticles;
    private final Phrases placeRecipients;
    private final Phrases placeOf;
    private final Phrases placeWithin;
    private final Things things;
    private final Phrases attributions;
    private final Phrases subjectReferences;
    private final Phrases definiteArticles;
    private final Phrases genitives;
    private final Clauses clauses;
    private final List<Pattern> reasons;
    private final List<Pattern> statements;
    private final List<Pattern> ages;
    private final Phrases ageUnits;
    private final Phrases projections;
    private final Phrases most;
    private final Phrases least;
    private final QuestionWords question;
    private final Intents intents;
    private final FollowUp followUp;
    private final Refusals refusals;
    private final String otherLanguageFrame;
    private final ModelAnswers modelAnswers;

    private Language(Node root) {
        this.code = root.string("code").toLowerCase(Locale.ROOT);
        this.names = root.node("names").strings();
        this.analysis = AnalysisSpec.of(root.node("analysis"));
        Node detection = root.node("detection");
        Set<String> detectionWords = new java.util.HashSet<>(lower(detection.list("words")));
        detection.list("wordLists").forEach(file -> detectionWords.addAll(lower(snowballWords(file))));
        this.detectionWords = Set.copyOf(detectionWords);
        this.detectionPatterns = patterns(detection.list("patterns"));
        this.abbreviations = Set.copyOf(root.node("segmentation").list("abbreviations"));
        Node numbersNode = root.node("numbers");
        Map<String, Double> numberWords = new LinkedHashMap<>();
        numbersNode.node("words").raw().forEach((k, v) -> numberWords.put(k.toLowerCase(Locale.ROOT),
                ((Number) v).doubleValue()));
        this.numbers = new Numbers(Map.copyOf(numberWords), Phrases.of(numbersNode.list("magnitudes")),
                Phrases.of(numbersNode.list("range")), Phrases.of(numbersNode.list("ordinals")),
                Phrases.of(numbersNode.list("ordinalSuffixes")), Phrases.of(numbersNode.list("occurrences")),
                Phrases.of(numbersNode.list("fractionBefore")), Phrases.of(numbersNode.list("fractionOf")),
                Phrases.of(numbersNode.list("one")));
        Node unitsNode = root.node("units");
        Map<Dimension, Phrases> byDimension = new EnumMap<>(Dimension.class);
        for (String key : unitsNode.keys()) {
            if (!key.equals("connectors")) {
                byDimension.put(Dimension.named(key), Phrases.of(unitsNode.list(key)));
            }
        }
        this.units = new Units(byDimension, Phrases.of(unitsNode.list("connectors")));
        Node t = root.node("time");
        this.time = new TimeWords(t.phrases("months"), t.phrases("weekdays"), t.phrases("days"), t.phrases("words"),
                t.phrases("thisYear"), t.phrases("lastYear"), t.phrases("nextYear"), t.phrases("since"),
                t.phrases("every"), t.phrases("clock"), t.phrases("comparisons"), t.phrases("earlyYears"),
                t.phrases("present"), t.phrases("until"));
        this.placePrepositions = root.node("places").phrases("prepositions");
        this.placeArticles = root.node("places").phrases("articles");
        this.placeRecipients = root.node("places").phrases("recipients");
        this.placeOf = root.node("places").phrases("of");
        this.placeWithin = root.node("places").phrases("within");
        Node thingsNode = root.node("things");
        String head = thingsNode.string("head");
        if (!head.equals("first") && !head.equals("last")) {
            throw thingsNode.error("head", "first or last");
        }
        List<String> titleQuotes = thingsNode.list("titleQuotes");
        for (String pair : titleQuotes) {
            if (pair.length() != 2) {
                throw thingsNode.error("titleQuotes", "pairs of an opening and a closing mark, such as «»");
            }
        }
        this.things = new Things(Phrases.of(thingsNode.required("nouns")), head.equals("first"),
                List.copyOf(titleQuotes));
        this.attributions = root.phrases("attributions");
        this.subjectReferences = root.phrases("subjectReferences");
        this.definiteArticles = root.phrases("definiteArticles");
        this.genitives = root.phrases("genitives");
        Node c = root.node("clauses");
        this.clauses = new Clauses(c.phrases("connectors"), c.phrases("relatives"), c.phrases("complementizers"),
                c.phrases("leading"));
        this.reasons = patterns(root.list("reasons"));
        this.statements = patterns(root.list("statements"));
        this.ages = patterns(root.node("ages").list("patterns"));
        this.ageUnits = root.node("ages").phrases("units");
        this.projections = Phrases.of(root.list("projections"));
        this.most = root.node("extremes").phrases("most");
        this.least = root.node("extremes").phrases("least");
        Node q = root.node("question");
        List<Cue> cues = new ArrayList<>();
        for (Node cue : q.nodes("cues")) {
            Pattern p = compile(cue.string("pattern"));
            List<String> groups = GROUP_NAME.matcher(p.pattern()).results().map(m -> m.group(1)).toList();
            cues.add(new Cue(FactKind.named(cue.string("type")), p, cue.bool("fallback"),
                    groups.stream().filter(g -> g.startsWith("noun")).toList(),
                    groups.stream().filter(g -> g.startsWith("thing")).toList(),
                    groups.stream().filter(g -> g.startsWith("verb")).toList()));
        }
        List<Rewrite> rewrites = q.nodes("rewrites").stream()
                .map(r -> new Rewrite(compile(r.string("pattern")), r.string("replacement"))).toList();
        Set<String> skip = new java.util.HashSet<>(lower(q.list("skip")));
        q.list("skipLists").forEach(file -> skip.addAll(lower(snowballWords(file))));
        this.question = new QuestionWords(Set.copyOf(skip), compile(q.string("identity")), compile(q.string("yesNo")),
                List.copyOf(cues), rewrites, q.phrases("eitherOr"), q.phrases("exclusions"),
                patterns(q.list("predicate")));
        Node i = root.node("intents");
        this.intents = new Intents(patterns(i.list("summary")), patterns(i.list("instruction")));
        Node f = root.node("followUp");
        this.followUp = new FollowUp(f.phrases("openers"), f.phrases("references"));
        Node r = root.node("refusals");
        Map<FactKind, String> facts = new EnumMap<>(FactKind.class);
        r.node("facts").strings().forEach((k, v) -> facts.put(FactKind.named(k), v));
        this.refusals = new Refusals(texts(r.node("one")), texts(r.node("many")), r.string("empty"),
                r.string("instruction"), Map.copyOf(facts));
        this.otherLanguageFrame = root.node("frames").string("otherLanguage");
        Node m = root.node("modelAnswers");
        Set<String> filler = new java.util.HashSet<>(lower(m.required("filler")));
        m.list("fillerLists").forEach(file -> filler.addAll(lower(snowballWords(file))));
        this.modelAnswers = new ModelAnswers(patterns(m.required("refusals")), Set.copyOf(filler),
                patterns(m.required("negations")));
    }

    /** Reads a pack from its parsed YAML; a missing key or a bad pattern is a {@link LanguagePackException}. */
    static Language of(String source, Map<String, Object> yaml) {
        try {
            return new Language(new Node(source, "", yaml));
        } catch (ClassCastException | NullPointerException e) {
            throw new LanguagePackException(source + ": malformed language pack (" + e.getMessage() + ")", e);
        }
    }

    private static RefusalTexts texts(Node n) {
        return new RefusalTexts(n.string("corpus"), n.string("notSaid"), n.string("notSaidFact"),
                n.string("nothingAbout"), n.string("about"));
    }

    /** The words of a classpath word list in Lucene's snowball format ("word | comment"). */
    private static List<String> snowballWords(String resource) {
        try (var in = Language.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new LanguagePackException("word list not found on the classpath: " + resource);
            }
            var words = org.apache.lucene.analysis.WordlistLoader.getSnowballWordSet(
                    new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            List<String> out = new ArrayList<>();
            for (Object w : words) {
                out.add(new String((char[]) w));
            }
            return out;
        } catch (java.io.IOException e) {
            throw new LanguagePackException("cannot read word list " + resource, e);
        }
    }

    private static Set<String> lower(Collection<String> words) {
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static List<Pattern> patterns(List<String> regexes) {
        return regexes.stream().map(Language::compile).toList();
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex, FLAGS);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new LanguagePackException("bad pattern " + regex + ": " + e.getDescription(), e);
        }
    }

    /** The ISO 639-1 code: {@code it}, {@code en}. */
    public String code() {
        return code;
    }

    /** How this language names another ({@code it} names {@code en} "inglese"); the code when it does not say. */
    public String nameOf(String languageCode) {
        return names.getOrDefault(languageCode, languageCode);
    }

    public AnalysisSpec analysis() {
        return analysis;
    }

    /** Evidence that a text is in this language: its own words (among {@code distinctive}) and its patterns. */
    double evidence(List<String> words, String text, Set<String> distinctive) {
        double score = 0;
        for (String w : words) {
            if (distinctive.contains(w)) {
                score += 1;
            }
        }
        for (Pattern p : detectionPatterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                score += 1;
            }
        }
        // a question word of the language ("who", "quanto") is evidence too
        for (Cue c : question.cues()) {
            if (!c.fallback() && c.pattern().matcher(text).find()) {
                score += 1;
                break;
            }
        }
        return score;
    }

    Set<String> detectionWords() {
        return detectionWords;
    }

    /** Lowercase function words of the language (question words, skip words, its distinctive words): never names. */
    public Set<String> functionWords() {
        Set<String> out = new java.util.HashSet<>(question.skip());
        out.addAll(detectionWords);
        return Set.copyOf(out);
    }

    /** Abbreviations whose period does not end a sentence, as written ({@code Dr}, {@code S.p.A}). */
    public Set<String> abbreviations() {
        return abbreviations;
    }

    public Numbers numbers() {
        return numbers;
    }

    public Units units() {
        return units;
    }

    public TimeWords time() {
        return time;
    }

    public Phrases placePrepositions() {
        return placePrepositions;
    }

    /** Words that attribute a clause to its source ("according to", "secondo"): the source is not its subject. */
    public Phrases attributions() {
        return attributions;
    }

    /** Words that may stand between a place preposition and the name ("at the Stade de France"). */
    public Phrases placeArticles() {
        return placeArticles;
    }

    /**
     * Place prepositions that also say to whom something is given ("ha dedicato il via libera a Silvio Berlusconi"):
     * a name after one may be a person as well as a place.
     */
    public Phrases placeRecipients() {
        return placeRecipients;
    }

    /**
     * Words that join a common noun to the name it is of ("nella rada di Porticello", "in the port of Piraeus"): after
     * a place preposition, the noun and its name are a place.
     */
    public Phrases placeOf() {
        return placeOf;
    }

    /**
     * Place prepositions that put something inside a place ("in Catarroja", "a Roma"), as against beside, towards or
     * at it: two names after them, in a question and a sentence, are two places of the same rank.
     */
    public Phrases placeWithin() {
        return placeWithin;
    }

    /** Nouns of kinds of things, not people: a name they introduce or head names no one. */
    public Things things() {
        return things;
    }

    /**
     * Words by which a sentence speaks of its document's subject without naming it ("l'azienda" in an article about
     * Ferrari).
     */
    public Phrases subjectReferences() {
        return subjectReferences;
    }

    /**
     * The definite articles, and the prepositions that hold one ("agli"): a description of the role a question asks
     * about said with one of them ("Il comandante, James Cutfield, ...") is said of the document's subject.
     */
    public Phrases definiteArticles() {
        return definiteArticles;
    }

    /** The words that say whose something is ("il sindaco di Napoli", "the mayor of Naples"). */
    public Phrases genitives() {
        return genitives;
    }

    /** The words that ask for, or say, the top of a ranking ("highest", "più alta") and its bottom ("lowest"). */
    public Phrases most() {
        return most;
    }

    public Phrases least() {
        return least;
    }

    public Clauses clauses() {
        return clauses;
    }

    /** Patterns that give a reason or a purpose. */
    public List<Pattern> reasons() {
        return reasons;
    }

    /** Patterns of a quotation or a reported statement. */
    public List<Pattern> statements() {
        return statements;
    }

    /**
     * Patterns of a person's age written without a unit, the figure as group 1 ("Powell, 71, said": the news
     * apposition).
     */
    public List<Pattern> ages() {
        return ages;
    }

    /** The units of time that make a duration a person's age ("years old", "anni"): not "a two-day meeting". */
    public Phrases ageUnits() {
        return ageUnits;
    }

    /** Words that make a figure a projection, an estimate or a plan rather than a fact that holds. */
    public Phrases projections() {
        return projections;
    }

    public QuestionWords question() {
        return question;
    }

    public Intents intents() {
        return intents;
    }

    public FollowUp followUp() {
        return followUp;
    }

    public Refusals refusals() {
        return refusals;
    }

    public ModelAnswers modelAnswers() {
        return modelAnswers;
    }

    /** The frame around a quotation from a document in another language: {corpus}, {language}, {quote}. */
    public String otherLanguageFrame() {
        return otherLanguageFrame;
    }

    @Override
    public String toString() {
        return code;
    }

    /** A node of the parsed YAML, with errors that name the pack and the key. */
    record Node(String source, String path, Map<String, Object> map) {

        Node node(String key) {
            Object v = require(key);
            if (!(v instanceof Map<?, ?> m)) {
                throw error(key, "a mapping");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) m;
            return new Node(source, path + key + ".", child);
        }

        List<Node> nodes(String key) {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                throw error(key, "a list");
            }
            List<Node> out = new ArrayList<>();
            for (Object o : list) {
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) o;
                out.add(new Node(source, path + key + "[].", child));
            }
            return out;
        }

        String string(String key) {
            Object v = require(key);
            return v.toString();
        }

        boolean bool(String key) {
            Object v = map.get(key);
            return v instanceof Boolean b && b;
        }

        List<String> list(String key) {
            Object v = map.get(key);
            if (v == null) {
                return List.of();
            }
            if (!(v instanceof List<?> list)) {
                throw error(key, "a list");
            }
            return list.stream().map(String::valueOf).toList();
        }

        /** A list that must be there and hold something: a pack that forgets it fails at start, naming the key. */
        List<String> required(String key) {
            List<String> out = list(key);
            if (out.isEmpty()) {
                throw error(key, "a non-empty list");
            }
            return out;
        }

        Phrases phrases(String key) {
            return Phrases.of(list(key));
        }

        Map<String, String> strings() {
            Map<String, String> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, String.valueOf(v)));
            return Map.copyOf(out);
        }

        Map<String, Object> raw() {
            return map;
        }

        Set<String> keys() {
            return map.keySet();
        }

        private Object require(String key) {
            Object v = map.get(key);
            if (v == null) {
                throw error(key, "present");
            }
            return v;
        }

        private LanguagePackException error(String key, String what) {
            return new LanguagePackException(source + ": '" + path + key + "' must be " + what);
        }
    }
}
