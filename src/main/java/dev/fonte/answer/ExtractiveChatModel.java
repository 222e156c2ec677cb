package dev.fonte.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.fonte.retrieval.Embedder;
import dev.fonte.retrieval.PassageIndex;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embedded default answer model: no network, no weights. It reads the same prompt a language model reads
 * ({@link ChainPrompt}) and answers by quoting the source sentence (or the clause of it) that carries the kind of
 * fact asked for, with its {@code [n]} marker; when no source covers the question's terms and the asked-for kind of
 * fact, it answers {@link ChainPrompt#NOT_IN_SOURCES} followed by what is missing.
 * {@link ExtractiveStreamingChatModel} streams the same answer.
 */
public class ExtractiveChatModel implements ChatModel {

    public static final String NAME = "extractive";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExtractiveChatModel.class);

    private static final Pattern CLAUSE_BREAK = Pattern.compile(
            "(?i)(;\\s+|:\\s+|\\s+[–—]\\s+|,\\s+(?=(?:tuttavia|ma|mentre|però|pero|il che|however|but|while|whereas|which)\\b))");
    /** Where a relative clause starts after a comma: ", che ha visto...", ", which saw...". */
    private static final String RELATIVE = ",\\s+(?=(?:che|il quale|la quale|i quali|le quali|cui|which|who|whom|whose)\\b)";
    private static final Pattern RELATIVE_BREAK = Pattern.compile("(?i)" + RELATIVE);
    /** Where a relative clause or a "that"/"che" clause starts. */
    private static final Pattern SUBORDINATE_BREAK = Pattern.compile("(?i)(?:" + RELATIVE + "|\\s+(?=(?:che|that)\\s))");
    private static final Pattern LEADING_CONNECTOR = Pattern.compile(
            "(?i)^(?:tuttavia|ma|mentre|però|pero|however|but|while|whereas)\\b[,\\s]*");
    private static final Pattern ABOUT = Pattern.compile("\\(about: ([^)]*)\\)\\s*$");
    private static final Pattern CAPITALISED = Pattern.compile("\\b\\p{Lu}\\p{L}+");
    private static final Pattern IDENTITY = Pattern.compile(
            "(?i)^\\W*(chi|who)\\s+(è|e'|era|sarà|sara'|is|was|will be|are|were|sono)\\b");

    private final Supplier<PassageIndex> index;
    private final ExtractiveConfiguration config;

    /** @param index the index being served: its glossary and its (cached) embeddings */
    public ExtractiveChatModel(Supplier<PassageIndex> index, ExtractiveConfiguration config) {
        this.index = index;
        this.config = config;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(answer(request.messages())))
                .modelName(NAME)
                .finishReason(FinishReason.STOP)
                .build();
    }

    String answer(List<ChatMessage> messages) {
        UserMessage last = (UserMessage) messages.stream().filter(m -> m instanceof UserMessage)
                .reduce((a, b) -> b).orElseThrow(() -> new IllegalArgumentException("no user message"));
        ChainPrompt.Parsed prompt = ChainPrompt.parse(last.singleText());
        if (prompt.sources().isEmpty()) {
            return ChainPrompt.NOT_IN_SOURCES;
        }
        return prompt.task() == ChainPrompt.Task.SUMMARY ? summary(prompt) : answer(prompt);
    }

    private String summary(ChainPrompt.Parsed prompt) {
        StringBuilder b = new StringBuilder();
        prompt.sources().stream().limit(config.summarySentences())
                .forEach(s -> append(b, s.text(), s.n()));
        return b.toString();
    }

    private String answer(ChainPrompt.Parsed prompt) {
        String language = prompt.language();
        QuestionType type = QuestionType.of(prompt.standaloneQuestion());
        // "Chi ha scritto l'articolo ha azioni...?" is about the author; "Chi ha scritto l'articolo?" asks who that is,
        // which the type read before the rewrite keeps
        String question = Periphrases.rewrite(prompt.standaloneQuestion());
        PassageIndex current = index.get();
        // a domain concept (a glossary term) that no sentence of the corpus names in any of its words is a fact the
        // corpus lacks: "What was Meta's revenue?" is not answered by what Meta spent, however near the words are
        List<QuestionTerms.Term> terms = QuestionTerms.of(question, language, current.queryAnalyzer(language)).stream()
                .map(t -> t.glossary() && t.phrases().stream().noneMatch(p -> p.stream().allMatch(a -> current.knows(language, a)))
                        ? t.withKind(QuestionTerms.Kind.CRITICAL) : t)
                .toList();
        if (terms.isEmpty()) {
            return ChainPrompt.NOT_IN_SOURCES;
        }
        // "Who is Google's CEO?" asks who fits the whole description: a sentence that has Google but not its CEO
        // does not answer it
        if (type == QuestionType.PERSON && IDENTITY.matcher(question).find()) {
            terms = terms.stream().map(t -> t.kind() == QuestionTerms.Kind.ORDINARY
                    ? t.withKind(QuestionTerms.Kind.CRITICAL) : t).toList();
        }
        // in a follow-up, the words the user just wrote matter more than those carried over from the last turn
        Set<String> asked = QuestionTerms.of(prompt.question(), language, current.queryAnalyzer(language)).stream()
                .map(QuestionTerms.Term::surface).collect(java.util.stream.Collectors.toSet());
        Set<String> questionWords = words(question);
        // words of which the answering sentence must name at least one, group by group: the thing a "how many"
        // question counts, a "how much" question measures ("How much water...") or a price question prices, and the
        // alternatives of an either/or question ("ridotto o aumentato", "nuclear or solar")
        List<Required> required = new ArrayList<>();
        List<QuestionTerms.Term> thing = QuestionTerms.of(type.askedThing(question), language, current.queryAnalyzer(language));
        if (!thing.isEmpty()) {
            // the thing is the first term after the question word ("Quante GPU avrà..."), save for a price, asked in
            // a phrase ("quanto vale oggi un'azione"); what is measured may be the paragraph's subject: "$38 billion
            // Meta spent last year" in a paragraph on capital expenditure says how much capex, and a paragraph that
            // never names water says nothing of water
            required.add(new Required(type == QuestionType.PRICE ? thing : thing.subList(0, 1),
                    type == QuestionType.AMOUNT));
        }
        List<QuestionTerms.Term> alternatives = alternatives(question, language, current);
        if (!alternatives.isEmpty()) {
            required.add(new Required(alternatives, false));
        }
        Predicate<String> evidence = type.evidence(question);
        List<Candidate> candidates = new ArrayList<>();
        for (ChainPrompt.PromptSource source : prompt.sources()) {
            double similarity = current.embedder().similarity(question, source.text()).orElse(0.0);
            candidates.add(score(question, source, terms, asked, required, type, evidence, language, questionWords, similarity,
                    term -> weight(term, language, current),
                    current.embedder()));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("q='{}' type={} terms={}", question, type, terms.stream().map(t -> t.surface() + t.phrases() + "/"
                    + t.kind() + "/" + String.format("%.2f", weight(t, language, current))).toList());
            candidates.forEach(c -> LOG.debug("q='{}' [{}] sim={} cov={} crit={} type={} sup={} score={} uncovered={} text={}",
                    question, c.source().n(), String.format("%.2f", c.similarity()), String.format("%.2f", c.coverage()), c.criticalOk(), c.typeOk(),
                    c.supported(), String.format("%.2f", c.score()), c.uncovered(),
                    c.source().text().substring(0, Math.min(60, c.source().text().length()))));
        }
        List<Candidate> passing = candidates.stream().filter(Candidate::passes)
                .sorted(Comparator.comparingDouble(Candidate::score).reversed()).toList();
        if (passing.isEmpty()) {
            // the nearest sentence: one that names what the question names, if any, then the one covering most of it
            Candidate nearest = candidates.stream().max(Comparator.comparing(Candidate::criticalOk)
                    .thenComparingDouble(Candidate::coverage)).orElseThrow();
            String missing = missing(nearest, type, language);
            return missing.isEmpty() ? ChainPrompt.NOT_IN_SOURCES : ChainPrompt.NOT_IN_SOURCES + ": " + missing;
        }
        StringBuilder b = new StringBuilder();
        Candidate first = passing.get(0);
        append(b, trim(first, type, evidence, terms, language), first.source().n());
        Set<String> covered = new HashSet<>(first.covered());
        for (Candidate next : passing.subList(1, passing.size())) {
            if (countSentences(b) >= config.maxSentences()) {
                break;
            }
            // a second sentence only when it answers a part of the question the first does not
            if (!covered.containsAll(next.covered()) && next.coverage() >= config.minCoverage()) {
                append(b, trim(next, type, evidence, terms, language), next.source().n());
                covered.addAll(next.covered());
            }
        }
        return b.toString();
    }

    /** Words of which an answering sentence must name one (or its paragraph, when {@code paragraph}). */
    private record Required(List<QuestionTerms.Term> words, boolean paragraph) {
    }

    private record Candidate(ChainPrompt.PromptSource source, double coverage, boolean criticalOk, boolean typeOk,
                             Set<String> covered, List<String> uncovered, double score, boolean supported,
                             double similarity) {
        boolean passes() {
            return criticalOk && typeOk && supported;
        }
    }

    /** The names in the "(about: A, B)" part of a source's document line. */
    private static List<String> topics(String from) {
        if (from == null) {
            return List.of();
        }
        Matcher m = ABOUT.matcher(from);
        return m.find() ? List.of(m.group(1).split(",\\s*")) : List.of();
    }

    private Candidate score(String question, ChainPrompt.PromptSource source, List<QuestionTerms.Term> terms, Set<String> asked,
                            List<Required> required,
                            QuestionType type, Predicate<String> evidence, String language, Set<String> questionWords, double similarity,
                            java.util.function.ToDoubleFunction<QuestionTerms.Term> idf, Embedder embedder) {
        Set<String> sentence = QuestionTerms.stems(source.text(), language);
        Set<String> context = source.context() == null ? Set.of()
                : QuestionTerms.stems(source.context(), language);
        Set<String> title = source.title() == null ? Set.of()
                : QuestionTerms.stems(source.title(), language);
        double got = 0;
        double total = 0;
        boolean criticalOk = true;
        Set<String> covered = new HashSet<>();
        List<String> uncovered = new ArrayList<>();
        for (QuestionTerms.Term term : terms) {
            boolean inSentence = matches(term, sentence);
            boolean inContext = inSentence || matches(term, context);
            // rare terms say more about what is asked than terms every sentence has ("Meta", "AI")
            double weight = (term.kind() == QuestionTerms.Kind.YEAR ? 0.5 : 1.0) * (asked.contains(term.surface()) ? 2 : 1)
                    * idf.applyAsDouble(term);
            if (term.kind() == QuestionTerms.Kind.CRITICAL) {
                if (inSentence) {
                    // a name or number the sentence states is part of what it answers
                    got += weight;
                    total += weight;
                    covered.add(term.surface());
                } else if (!matches(term, title)) {
                    criticalOk = false;
                    uncovered.add(term.surface());
                }
                continue;
            }
            total += weight;
            if (inSentence) {
                got += weight;
                covered.add(term.surface());
            } else if (inContext) {
                got += weight / 2;
            } else if (!term.surface().isEmpty() && !term.glossary()) {
                // a paraphrase: the nearest word of the sentence in embedding space earns part of the weight; not
                // for a glossary term, whose synonyms are all listed: "revenue" is near "profits", yet not them
                double credit = softCredit(term.surface(), source.text(), language, embedder);
                got += weight * credit;
                if (credit < 0.5) {
                    uncovered.add(term.surface());
                }
            } else if (!term.surface().isEmpty()) {
                uncovered.add(term.surface());
            }
        }
        double coverage = total == 0 ? 1.0 : got / total;
        boolean typeOk = type == QuestionType.PERSON
                ? hasNewName(source.text(), questionWords) : evidence.test(source.text());
        if (!TimeReference.sameYear(question, source.text(), source.context(), TimeReference.yearOf(source.title()))) {
            typeOk = false;
        }
        if (typeOk && (type.numeric() || type == QuestionType.TIME)
                && !factBelongsToNames(source.text(), terms, sentence, type, evidence, language)) {
            // "Quanti soldi ci ha messo Softbank?" is not answered by "Stargate da 500 miliardi..., che ha visto
            // investimenti da parte di ... Softbank": the figure is Stargate's
            typeOk = false;
        }
        for (Required group : required) {
            if (typeOk && group.words().stream().noneMatch(t -> names(t, sentence, source.text(), language, embedder)
                    || group.paragraph() && matches(t, context))) {
                // "Quanti dipendenti..." is not answered by a sentence that counts GPUs
                typeOk = false;
                group.words().forEach(t -> uncovered.add(t.surface()));
            }
        }
        boolean supported = coverage >= config.minCoverage()
                || similarity >= config.minSimilarity() && coverage >= config.minCoverageWithSimilarity();
        // among sentences that answer equally well, prefer those about the document's own subject
        double topical = topics(source.title()).stream().anyMatch(source.text()::contains) ? 0.1 : 0;
        double score = coverage + config.similarityWeight() * similarity + (typeOk ? 0.3 : 0) + 0.1 / source.n() + topical;
        return new Candidate(source, coverage, criticalOk, typeOk, covered, uncovered, score, supported, similarity);
    }

    /**
     * Whether each name of the question that the sentence states stands in a clause that also has the fact asked for.
     * A relative clause ("..., che ha visto investimenti da parte di OpenAI e Softbank") says something of its own: a
     * figure outside it is not about the names inside it. A time dates the event of its own clause, so a "that"/"che"
     * clause is apart too ("will allocate $65 billion this year to ... ensure that its Llama 4 model becomes..." does
     * not date Llama 4); a figure is not split there, as it is often what a reporting clause reports ("announced that
     * Meta will allocate $65 billion").
     */
    private static boolean factBelongsToNames(String text, List<QuestionTerms.Term> terms, Set<String> sentence,
                                              QuestionType type, Predicate<String> evidence, String language) {
        String[] clauses = (type == QuestionType.TIME ? SUBORDINATE_BREAK : RELATIVE_BREAK).split(text);
        if (clauses.length < 2) {
            return true;
        }
        List<Set<String>> stems = java.util.Arrays.stream(clauses).map(c -> QuestionTerms.stems(c, language)).toList();
        for (QuestionTerms.Term term : terms) {
            boolean name = term.kind() == QuestionTerms.Kind.CRITICAL && !term.surface().matches(".*\\d.*");
            if (!name || !matches(term, sentence)) {
                continue;
            }
            boolean together = false;
            for (int i = 0; i < clauses.length && !together; i++) {
                together = evidence.test(clauses[i]) && matches(term, stems.get(i));
            }
            if (!together) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern EITHER_OR = Pattern.compile("(?i)\\s(?:o|oppure|or)\\s");

    /**
     * The two alternatives of an either/or question: the content word right before "o"/"or" and the first one after
     * it. Empty when the question offers none.
     */
    private static List<QuestionTerms.Term> alternatives(String question, String language, PassageIndex index) {
        Matcher m = EITHER_OR.matcher(question);
        if (!m.find()) {
            return List.of();
        }
        List<QuestionTerms.Term> before = QuestionTerms.of(question.substring(0, m.start()), language,
                index.queryAnalyzer(language)).stream().filter(t -> !t.surface().isEmpty()).toList();
        List<QuestionTerms.Term> after = QuestionTerms.of(question.substring(m.end()), language,
                index.queryAnalyzer(language)).stream().filter(t -> !t.surface().isEmpty()).toList();
        if (before.isEmpty() || after.isEmpty()) {
            return List.of();
        }
        return List.of(before.get(before.size() - 1), after.get(0));
    }

    /** Whether the sentence (and its stems) names the term: a stem, a glossary synonym or, failing those, a near word. */
    private boolean names(QuestionTerms.Term term, Set<String> stems, String sentence, String language, Embedder embedder) {
        return matches(term, stems) || !term.glossary() && softCredit(term.surface(), sentence, language, embedder) >= 0.5;
    }

    /**
     * How much a question term says about what is asked: its rarest-sense IDF ("Musk" counts more than "Meta"). A
     * word the corpus never uses weighs less: it may be the missing fact, but as often it is only the asker's own
     * phrasing ("mette sul piatto", "add up to"), and the corpus cannot tell which.
     */
    private double weight(QuestionTerms.Term term, String language, PassageIndex index) {
        // a glossary concept weighs as its most telling word the corpus uses ("capex" = "spese in conto capitale")
        double idf = term.alternatives().stream().filter(a -> index.knows(language, a))
                .mapToDouble(a -> index.idf(language, a)).max()
                .orElseGet(() -> term.alternatives().stream().mapToDouble(a -> index.idf(language, a)).min().orElse(1));
        return known(term, language, index) ? idf : idf * config.unknownTermWeight();
    }

    /** A term the corpus uses, or a glossary term (a domain concept, whether or not this corpus has it). */
    private static boolean known(QuestionTerms.Term term, String language, PassageIndex index) {
        return term.glossary() || term.alternatives().stream().anyMatch(a -> index.knows(language, a));
    }

    /** 0..1: how close the sentence's nearest content word is to {@code word}, scaled between the configured bounds. */
    private double softCredit(String word, String sentence, String language, Embedder embedder) {
        if (!embedder.enabled() || config.softHigh() <= config.softLow()) {
            return 0;
        }
        org.apache.lucene.analysis.CharArraySet stop = "en".equals(language)
                ? org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET
                : org.apache.lucene.analysis.it.ItalianAnalyzer.getDefaultStopSet();
        String w = word.toLowerCase(Locale.ROOT);
        double best = 0;
        for (String candidate : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (candidate.length() < 3 || stop.contains(candidate)) {
                continue;
            }
            best = Math.max(best, embedder.similarity(w, candidate).orElse(0.0));
        }
        return Math.max(0, Math.min(1, (best - config.softLow()) / (config.softHigh() - config.softLow())));
    }

    /** Whether the sentence's stems say the term in one of its ways: every word of one of its phrases. */
    private static boolean matches(QuestionTerms.Term term, Set<String> stems) {
        return term.phrases().stream().anyMatch(phrase -> phrase.stream().allMatch(word -> matches(word, stems)));
    }

    private static boolean matches(String word, Set<String> stems) {
        if (stems.contains(word)) {
            return true;
        }
        if (word.length() >= 5) {
            // the light stemmers leave some forms of a word apart ("annunci", "annunciat"): one stem that starts
            // the other and is most of it is the same word; a short one is not ("potenz" is not "potenzial")
            for (String s : stems) {
                String shorter = s.length() < word.length() ? s : word;
                String longer = shorter == s ? word : s;
                if (shorter.length() >= 5 && longer.startsWith(shorter) && shorter.length() * 4 >= longer.length() * 3) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A name (capitalised word) in the sentence, past its first word, that the question does not already name. */
    private static boolean hasNewName(String text, Set<String> questionWords) {
        Matcher m = CAPITALISED.matcher(text);
        while (m.find()) {
            if (m.start() > 0 && !questionWords.contains(m.group().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The clause of the sentence that carries the asked-for fact, when it stands on its own; else the sentence. */
    private String trim(Candidate c, QuestionType type, Predicate<String> evidence, List<QuestionTerms.Term> terms,
                        String language) {
        String text = c.source().text();
        if (type == QuestionType.GENERIC) {
            return text;
        }
        List<int[]> clauses = new ArrayList<>();
        Matcher m = CLAUSE_BREAK.matcher(text);
        int start = 0;
        while (m.find()) {
            clauses.add(new int[] {start, m.start()});
            start = m.end();
        }
        clauses.add(new int[] {start, text.length()});
        if (clauses.size() < 2) {
            return text;
        }
        // keep the run of clauses that say something the question asks about; drop the others
        int first = -1;
        int last = -1;
        for (int i = 0; i < clauses.size(); i++) {
            int[] span = clauses.get(i);
            Set<String> stems = QuestionTerms.stems(text.substring(span[0], span[1]), language);
            if (terms.stream().anyMatch(t -> matches(t, stems))) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return text;
        }
        String kept = LEADING_CONNECTOR.matcher(
                text.substring(clauses.get(first)[0], clauses.get(last)[1]).strip()).replaceFirst("");
        boolean whole = first == 0 && last == clauses.size() - 1;
        if (whole || kept.split("\\s+").length < config.minClauseWords() || !evidence.test(kept)) {
            return text;
        }
        return kept;
    }

    private String missing(Candidate nearest, QuestionType type, String language) {
        // the nearest sentence covers what is asked about but lacks the kind of fact asked for: say which kind
        // ("does not say where"), not which of the asker's words it lacks
        String fact = Refusals.factName(type, language);
        if (nearest.criticalOk() && nearest.supported() && !nearest.typeOk() && !fact.isEmpty()) {
            return fact;
        }
        List<String> words = nearest.uncovered().stream().distinct().toList();
        if (words.size() > config.maxMissingNamed()) {
            return "";
        }
        // only plain words are repeated back: a refusal never echoes numbers or symbols a question slipped in
        words = words.stream().filter(w -> w.matches("\\p{L}[\\p{L}'’-]{0,24}")).toList();
        return words.isEmpty() ? fact : String.join(", ", words);
    }

    /** Appends "Sentence [n]." keeping the sentence verbatim (its first letter capitalised). */
    private static void append(StringBuilder b, String sentence, int n) {
        String s = sentence.strip();
        String end = ".";
        if (!s.isEmpty() && ".!?".indexOf(s.charAt(s.length() - 1)) >= 0) {
            end = s.substring(s.length() - 1);
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        if (!s.isEmpty()) {
            s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
        }
        if (b.length() > 0) {
            b.append(' ');
        }
        b.append(s).append(" [").append(n).append(']').append(end);
    }

    private static int countSentences(StringBuilder b) {
        return (int) Pattern.compile("\\[\\d+]").matcher(b).results().count();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
