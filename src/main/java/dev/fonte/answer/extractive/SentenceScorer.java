package dev.fonte.answer.extractive;

import dev.fonte.answer.AnswerRequest;
import dev.fonte.answer.AnswerWeights;
import dev.fonte.answer.ExtractiveConfiguration;
import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Passage;
import dev.fonte.language.Dimension;
import dev.fonte.language.FactKind;
import dev.fonte.language.Language;
import dev.fonte.language.Phrases;
import dev.fonte.retrieval.Embedder;
import dev.fonte.retrieval.FonteAnalyzers;
import dev.fonte.retrieval.PassageIndex;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Scores source sentences against one read question: the context object of one answer, holding what every
 * sentence's score shares (the question, the index's statistics, the terms' weights).
 */
final class SentenceScorer {

    private static final Logger LOG = LoggerFactory.getLogger(SentenceScorer.class);

    private final ReadQuestion question;
    private final AnswerWeights model;
    /** Terms made critical by the engine (a concept or verb no document says): they must be in the sentence. */
    private final Set<Term> promoted;
    /** The question's names, each as its adjacent words ("Jerome", "Powell"). */
    private final List<List<Term>> entities;
    /** The question names someone, or some document uses one of its words. */
    private final boolean aboutSomething;
    /** The question's rarest subject word: a sentence without it says something else. */
    private final Term rarest;
    /** The pairs of adjacent stems of the question. */
    private final Set<String> questionBigrams;
    /** The question's names (critical terms with letters). */
    private final List<Term> names;
    /** The IDF-weighted share of the question's words that no document uses. */
    private final double unknownShare;
    private final List<Term> terms;
    private final PassageIndex index;
    private final Corpus corpus;
    private final SentenceReader reader;
    /** How the corpus writes its words: which words of a name are also common words. */
    private final SentenceReader.CorpusWords corpusWords;
    private final ExtractiveConfiguration config;
    private final Map<String, Double> weights = new HashMap<>();
    private final Map<Term, Map<String, Boolean>> documentSays = new java.util.IdentityHashMap<>();
    private final Set<String> questionWords;
    /** The question's ordinary terms, not its verb, that some document uses: what it is about. */
    private final List<Term> subject;
    /** The question itself asks about an estimate or a plan. */
    private final boolean projectionAsked;
    /** The languages whose documents a question is answered from: its own, and those of originals it lacks. */
    private final Set<String> searched;
    /** The question's terms that some document says. */
    private final List<Term> known;
    /** In a follow-up, the terms the asker wrote in this turn. */
    private final List<Term> own;
    /** The words an elliptical follow-up swaps for some of the previous question's ({@link #swapped}). */
    private final List<Term> swapped;
    /** None of the words the asker wrote is said by any document: the corpus does not speak of that event. */
    private final boolean unknownEvent;
    /** The places the question puts its fact in ("in Sicilia", "in Europe"). */
    private final List<Term> places;
    /** Some of the question's own words that a document uses say what happened, beside its names. */
    private final boolean saysWhatHappened;
    /** The question's verb, when some document uses it: what a time's clause must say (see saysTheVerb). */
    private final List<Term> knownVerbs;
    /** The question carried into another language by the bilingual lexicon, per language code. */
    private final Function<String, String> carried;
    /** The question sets a year it writes against its fact ("cresciuti rispetto al 2023"). */
    private final boolean askedCompares;
    /** The end of a ranking the question asks for ("più bassa") and the other end; null when it asks for neither. */
    private final Phrases askedEnd;
    private final Phrases otherEnd;

    SentenceScorer(ReadQuestion question, PassageIndex index, SentenceReader reader, ExtractiveConfiguration config,
                   AnswerWeights model, Function<String, String> carried) {
        this.model = model;
        this.carried = carried;
        Language own = question.language();
        boolean most = own.most().in(question.text());
        boolean least = own.least().in(question.text());
        this.askedEnd = most == least ? null : most ? own.most() : own.least();
        this.otherEnd = most == least ? null : most ? own.least() : own.most();
        this.question = question;
        this.index = index;
        this.corpus = index.corpus();
        this.reader = reader;
        this.corpusWords = reader.words(corpus);
        this.config = config;
        this.questionWords = words(question.text());
        String asked = question.language().code();
        this.searched = corpus.answeredFrom(asked);
        this.terms = question.terms().stream().map(this::promote).toList();
        this.promoted = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i).kind() != question.terms().get(i).kind()) {
                promoted.add(terms.get(i));
            }
        }
        this.entities = entities(question, terms);
        // words no document uses are the asker's phrasing as often as the missing fact: they are no subject to find
        // who did what: for a person or an organisation, the verb is part of what the sentence must say
        boolean verbsCount = question.kind() == FactKind.PERSON || question.kind() == FactKind.ORGANIZATION;
        this.subject = terms.stream().filter(t -> t.kind() != Term.Kind.CRITICAL && t.kind() != Term.Kind.YEAR
                && (verbsCount || question.verbs().stream().noneMatch(v -> v.start() == t.start()))
                && knownAnywhere(t)).toList();
        this.known = terms.stream().filter(this::knownAnywhere).toList();
        this.names = terms.stream().filter(Term::isName).toList();
        // a question with no name and none of whose words any document uses asks about something the corpus lacks
        this.aboutSomething = !names.isEmpty() || !known.isEmpty()
                || terms.stream().noneMatch(t -> t.kind() == Term.Kind.ORDINARY);
        this.rarest = subject.stream().max(java.util.Comparator.comparingDouble(
                t -> weight(t, question.language().code()))).orElse(null);
        this.questionBigrams = bigrams(FonteAnalyzers.terms(FonteAnalyzers.shared(question.language().code()),
                question.text()).isEmpty() ? List.of() : SentenceReader.stems(FonteAnalyzers.shared(
                question.language().code()), question.text()).stream().map(ReadSentence.Stem::stem).toList());
        String questionLanguage = question.language().code();
        this.unknownShare = 1 - share(terms, t -> known.contains(t) ? 1 : 0, questionLanguage);
        this.projectionAsked = question.language().projections().in(question.text());
        boolean followUp = terms.stream().anyMatch(t -> !t.asked());
        this.own = followUp ? terms.stream().filter(t -> t.asked() && t.kind() != Term.Kind.YEAR).toList() : List.of();
        this.places = terms.stream().filter(t -> t.kind() == Term.Kind.ORDINARY && !t.surface().isEmpty()
                && Character.isUpperCase(t.surface().charAt(0)) && t.start() > 0
                && QuestionReader.afterPlacePreposition(question.text(), t.start(), question.language())).toList();
        // a place the follow-up swaps in is judged as every place is (below): "la capital" may say "Barcelona"
        this.swapped = swapped(this.own, question).stream().filter(t -> !places.contains(t)).toList();
        this.saysWhatHappened = terms.stream().anyMatch(t -> t.kind() == Term.Kind.ORDINARY && knownAnywhere(t));
        this.knownVerbs = question.verbs().stream().filter(v -> v.kind() == Term.Kind.ORDINARY && knownAnywhere(v))
                .toList();
        // the words the asker wrote (a follow-up's carried ones say what the previous question asked), when none of
        // them is said anywhere
        List<Term> written = terms.stream().filter(t -> t.kind() == Term.Kind.ORDINARY && t.asked()).toList();
        this.unknownEvent = !written.isEmpty() && written.stream().noneMatch(this::knownAnywhere);
        this.askedCompares = !Years.ofFacts(question.text(), question.language()).written()
                .equals(question.years().written());
    }

    List<Term> terms() {
        return terms;
    }

    /**
     * The words of an elliptical follow-up: one that asks nothing of its own ("E il secondo?", "And the one in
     * August?"), whose question words are all the previous question's (after its own words in its standalone form),
     * but swaps some of that question's words for these. Empty for any other question.
     */
    private static List<Term> swapped(List<Term> own, ReadQuestion question) {
        if (own.isEmpty()) {
            return List.of();
        }
        int asking = QuestionReader.asking(question.text(), question.language()).start();
        int ownEnd = own.stream().mapToInt(t -> t.start() + t.surface().length()).max().orElseThrow();
        return asking >= 0 && asking < ownEnd ? List.of()
                : own.stream().filter(t -> t.kind() == Term.Kind.ORDINARY).toList();
    }

    FactKind kind() {
        return question.kind();
    }

    /**
     * A glossary concept that no sentence of the corpus names in any of its ways is a fact the corpus lacks ("What
     * was Meta's revenue?" is not answered by what Meta spent, however near the words); and a question asking who
     * fits a whole description needs all of it.
     */
    private Term promote(Term t) {
        // a glossary concept, or the very verb that asks for the fact ("Quanto ha guadagnato Meta?"), that no
        // document says is the missing fact, not the asker's phrasing
        boolean verb = question.verbs().stream().anyMatch(v -> v.start() == t.start());
        if ((t.glossary() || verb) && !knownAnywhere(t)) {
            return t.withKind(Term.Kind.CRITICAL);
        }
        return t;
    }

    /**
     * Whether some sentence says the term in one of its ways (every word of a phrase): in the question's language, or
     * in another one the corpus has documents in that it has in no rendering in the question's language (a word the
     * asker's rendering never uses is not known because the original uses its translation).
     */
    boolean knownAnywhere(Term t) {
        for (Map.Entry<String, Set<List<String>>> e : t.phrases().entrySet()) {
            if (!searched.contains(e.getKey())) {
                continue;
            }
            for (List<String> phrase : e.getValue()) {
                if (phrase.stream().allMatch(stem -> index.knowsLike(e.getKey(), stem, Stems::sameWord))) {
                    return true;
                }
            }
        }
        return false;
    }

    Candidate score(AnswerRequest.Source source) {
        Passage passage = source.passage();
        ReadSentence s = reader.read(passage, corpus);
        String lang = s.language();
        SentenceReader.DocumentFacts doc = reader.document(corpus, passage.documentId());
        Set<String> context = context(passage);
        double got = 0;
        double total = 0;
        boolean criticalOk = true;
        Set<String> covered = new HashSet<>();
        List<String> uncovered = new ArrayList<>();
        for (Term term : terms) {
            Set<List<String>> phrases = term.phrases(lang);
            boolean inSentence = term.isName() ? namedAsWritten(term, phrases, s) : matches(phrases, s.stemSet());
            double weight = weight(term, lang);
            if (term.criticalIn(lang)) {
                if (inSentence) {
                    // a name or number the sentence states is part of what it answers
                    got += weight;
                    total += weight;
                    covered.add(term.surface());
                } else if (question.identity() ? !referredTo(term, s, doc) : !implied(term, phrases, s, passage, doc)) {
                    // who fits a description is said where the description is: "the CEO of OpenAI" is one sentence's
                    // words, not a name the paragraph spoke of before, unless the sentence says it as its document
                    // does when it speaks of its subject ("A guidare l'azienda è l'amministratore delegato...")
                    criticalOk = false;
                    uncovered.add(term.surface());
                }
                continue;
            }
            total += weight;
            if (inSentence) {
                got += weight;
                covered.add(term.surface());
            } else if (matches(phrases, context)) {
                got += weight * config.contextCredit();
            } else if (!term.glossary() && lang.equals(question.language().code())) {
                // a paraphrase: the nearest word of the sentence in embedding space earns part of the weight; not
                // for a glossary term, whose synonyms are all listed ("revenue" is near "profits", yet not them)
                double credit = softCredit(term.surface(), s, index.embedder());
                got += weight * credit;
                if (credit < config.paraphraseCredit()) {
                    uncovered.add(term.surface());
                } else {
                    covered.add(term.surface());
                }
            } else {
                uncovered.add(term.surface());
            }
        }
        // a place (or a day) the question puts its fact in, which neither the sentence, its neighbours nor its
        // document's subject says, leaves the fact somewhere else ("Qual è stata l'affluenza in Sicilia?"); in another
        // language, the place is said as the lexicon carries it ("Italy", "Italia"). Nor do its neighbours speak for
        // a sentence that puts its fact inside another named place ("En Paiporta" for "en Catarroja"), unless the
        // whole document is set in the question's place (its title or subject says it: a town of that country)
        for (Term place : places) {
            Set<List<String>> phrases = place.phrases(lang);
            boolean documentThere = matches(phrases, doc.subjectStems()) || matches(phrases, doc.titleStems());
            if (!matches(phrases, s.stemSet()) && !documentThere && (!matches(phrases, context)
                    || FactFinder.within(question.text(), place.start(), question.language())
                    && placedElsewhere(s, lang))) {
                criticalOk = false;
                uncovered.add(place.surface());
            }
        }
        // an elliptical follow-up ("E il secondo?", "¿Y una hembra?") asks the previous question of its own words:
        // a sentence that leaves all of them to its neighbours answers the previous question again
        if (!swapped.isEmpty() && swapped.stream().noneMatch(t -> covered.contains(t.surface()))) {
            criticalOk = false;
            swapped.forEach(t -> uncovered.add(t.surface()));
        }
        double coverage = total == 0 ? 1.0 : got / total;
        double similarity = index.embedder().similarity(question.text(), passage.text()).orElse(0.0);
        boolean foreign = !lang.equals(question.language().code());
        Fact evidence = evidence(s, doc, context);
        // "Chi altro oltre a Meta...": a sentence naming Meta is not about someone else
        boolean aboutExcluded = question.excluded().stream().anyMatch(t -> matches(t.phrases(lang), s.stemSet()));
        boolean thingOk = question.kind() != FactKind.NONE || question.thing().isEmpty()
                || names(question.thing().get(), s);
        // "Who is X's CEO?" asks who fits the description: the sentence says most of it
        boolean describes = !question.identity() || share(subject, t -> covered.contains(t.surface()) ? 1 : 0, lang)
                >= config.minSubjectCoverage();
        // a heading with no figure or time names a topic and asserts nothing of it ("Il ponte sospeso più lungo del
        // mondo" does not say the bridge will be the longest); "2025: the pivotal year for AI" says something
        boolean asserts = !passage.unpunctuated() || s.facts().stream().anyMatch(f -> switch (f.type()) {
            case NUMBER, ORDINAL, QUANTITY, TIME, DATE, SINCE, RESULT -> true;
            default -> false;
        });
        boolean typeOk = (evidence != null || !needsEvidence() && asserts)
                && yearsAdmit(s, doc, passage) && !aboutExcluded && !otherExtreme(s)
                && describes && required(question.alternatives(), s, context, false, uncovered);
        if (!typeOk && LOG.isDebugEnabled()) {
            // which of the checks of the kind of fact the sentence fails, for tracing a question's refusal
            LOG.debug("    kind not met: fact={} asserts={} years={} excluded={} otherEnd={} describes={} :: {}",
                    evidence != null || !needsEvidence(), asserts, yearsAdmit(s, doc, passage), aboutExcluded,
                    otherExtreme(s), describes, passage.text());
        }
        double[] signals = {
                coverage,
                share(subject, t -> covered.contains(t.surface()) ? 1 : 0, lang),
                share(subject, t -> covered.contains(t.surface()) ? 1 : matches(t.phrases(lang), context)
                        ? config.contextCredit() : 0, lang),
                share(known, t -> documentSays(t, lang, passage.documentId(), doc) ? 1 : 0, lang),
                Math.max(0, similarity),
                1.0 / source.n(),
                names.isEmpty() ? 1 : (double) names.stream().filter(t -> matches(t.phrases(lang), s.stemSet())).count()
                        / names.size(),
                evidence != null ? 1 : 0,
                evidence != null && ownerNamed(evidence, s) ? 1 : 0,
                evidence != null && !projectionAsked && projects(s, evidence) ? 1 : 0,
                unknownShare,
                needsEvidence() ? 0 : 1,
                Math.min(1, s.stems().size() / 30.0),
                own.isEmpty() || own.stream().anyMatch(t -> covered.contains(t.surface())
                        || matches(t.phrases(lang), context)) ? 1 : 0,
                thingOk ? 1 : 0,
                clauseShare(evidence, s),
                rarest == null || matches(rarest.phrases(lang), s.stemSet()) ? 1 : 0,
                bigrams(s),
                evidence == null ? 0 : 1.0 / Math.max(1, s.facts().stream().filter(x -> answers(x, question.kind(), s))
                        .count()),
                // set by scoreAll, beside the other sources
                0,
                0,
                foreign ? 1 : 0,
                // across languages the question's own rank and embedding say less (one ranking found the sentence,
                // and the embedding model reads one language): its place among its language's candidates, and its
                // nearness to the question carried into its language, say more
                foreign ? 1.0 / source.n() : 0,
                foreign && source.retrieved().languageRank() > 0 ? 1.0 / source.retrieved().languageRank() : 0,
                foreign ? carriedSimilarity(lang, passage) : 0};
        return weighed(new Candidate(source, s, coverage, criticalOk, evidence, typeOk, false, similarity, covered,
                uncovered, 0, signals));
    }

    /** The embedding similarity of a sentence to the question carried into its language; 0 when nothing carries. */
    private double carriedSimilarity(String language, Passage passage) {
        String text = carried.apply(language);
        return text.isBlank() ? 0 : Math.max(0, index.embedder().similarity(text, passage.text()).orElse(0.0));
    }

    /** Whether a document says a term anywhere; asked once per document and term, as sources share documents. */
    private boolean documentSays(Term t, String language, String documentId, SentenceReader.DocumentFacts doc) {
        return documentSays.computeIfAbsent(t, x -> new HashMap<>())
                .computeIfAbsent(documentId, d -> matches(t.phrases(language), doc.stems()));
    }

    /**
     * Whether a document in the question's language among the sources says every word of the question (its years
     * aside): the question is then read in its own words, and a sentence in another language, which says them only
     * through the lexicon's senses of each ("avanti" for "adelantó", "perso" for "fallo"), is no match for it unless
     * it names what the question names ({@link #saysAName}).
     */
    boolean ownLanguageSaysAll(List<AnswerRequest.Source> sources) {
        String asked = question.language().code();
        List<Term> words = terms.stream().filter(t -> t.kind() != Term.Kind.YEAR).toList();
        if (words.isEmpty()) {
            return false;
        }
        for (AnswerRequest.Source s : sources) {
            if (!s.document().language().equals(asked)) {
                continue;
            }
            SentenceReader.DocumentFacts doc = reader.document(corpus, s.passage().documentId());
            if (words.stream().allMatch(t -> documentSays(t, asked, s.passage().documentId(), doc))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a sentence that does not say the place the question puts its fact in puts its own in another named
     * place ("En Paiporta ... murieron más de 40 vecinos" for "¿Cuántos vecinos murieron en Catarroja?"): what its
     * neighbours or its document say of the question's place is then not what it says.
     */
    private boolean placedElsewhere(ReadSentence s, String lang) {
        Language language = reader.language(lang);
        return s.facts().stream().anyMatch(f -> f.type() == Fact.Type.PLACE
                && FactFinder.within(s.text(), f.start(), language)
                && terms.stream().noneMatch(t -> matches(t.phrases(lang), s.stemsIn(f.start(), f.end()))));
    }

    /** Whether a candidate's sentence says one of the question's names (not one its language writes as a word). */
    boolean saysAName(Candidate c) {
        String language = c.sentence().language();
        return names.stream().anyMatch(t -> !t.common().contains(language)
                && namedAsWritten(t, said(t, language), c.sentence()));
    }

    /**
     * Every source scored, each also beside the others that pass the hard checks: how far its coverage leads theirs,
     * and whether it is the only one (a sentence is an answer more surely when nothing near it competes).
     */
    List<Candidate> scoreAll(List<AnswerRequest.Source> sources) {
        List<Candidate> alone = sources.stream().map(this::score).toList();
        List<Candidate> out = new ArrayList<>(alone.size());
        int lead = AnswerWeights.SIGNALS.indexOf("lead");
        int only = AnswerWeights.SIGNALS.indexOf("only");
        for (Candidate c : alone) {
            double best = alone.stream().filter(o -> o != c && o.criticalOk() && o.typeOk())
                    .mapToDouble(Candidate::coverage).max().orElse(-1);
            double[] signals = c.signals().clone();
            signals[lead] = best < 0 ? c.coverage() : c.coverage() - best;
            signals[only] = best < 0 ? 1 : 0;
            out.add(weighed(new Candidate(c.source(), c.sentence(), c.coverage(), c.criticalOk(), c.evidence(),
                    c.typeOk(), false, c.similarity(), c.covered(), c.uncovered(), 0, signals)));
        }
        return out;
    }

    /** A candidate with its probability, and whether that and what it says of the subject let it answer. */
    private Candidate weighed(Candidate c) {
        double probability = model.probability(c.signals());
        // whatever the weights, a sentence that says none of the question's subject words is not about it
        boolean supported = probability >= model.threshold() && (subject.isEmpty() || c.signals()[2] > 0)
                && aboutSomething;
        return new Candidate(c.source(), c.sentence(), c.coverage(), c.criticalOk(), c.evidence(), c.typeOk(),
                supported, c.similarity(), c.covered(), c.uncovered(), probability, c.signals());
    }

    /** The IDF-weighted share of {@code terms} said, each as much as {@code says} credits it; 1 when there are none. */
    private double share(List<Term> terms, java.util.function.ToDoubleFunction<Term> says, String language) {
        double all = 0;
        double said = 0;
        for (Term t : terms) {
            double w = weight(t, language);
            all += w;
            said += w * says.applyAsDouble(t);
        }
        return all == 0 ? 1 : said / all;
    }

    /** Groups the question's name terms that stand next to each other into one name each. */
    private static List<List<Term>> entities(ReadQuestion question, List<Term> terms) {
        List<List<Term>> out = new ArrayList<>();
        List<Term> current = new ArrayList<>();
        int end = -1;
        for (Term t : terms.stream().filter(Term::isName).sorted(java.util.Comparator.comparingInt(Term::start))
                .toList()) {
            int at = question.text().indexOf(t.surface(), t.start());
            // "Jerome Powell" is one name; "Google's CEO" is a name and a role, and "GPU" or "CEO" name no one
            boolean adjacent = end >= 0 && at >= end && question.text().substring(end, at).isBlank()
                    && !current.isEmpty() && !POSSESSIVE.matcher(current.get(current.size() - 1).surface()).find()
                    && !acronym(t.surface()) && !acronym(current.get(current.size() - 1).surface());
            if (!adjacent && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
            }
            current.add(t);
            end = at < 0 ? t.start() + t.surface().length() : at + t.surface().length();
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static final java.util.regex.Pattern POSSESSIVE = java.util.regex.Pattern.compile("['’]s$");

    private static boolean acronym(String word) {
        return word.length() <= 4 && word.equals(word.toUpperCase(Locale.ROOT));
    }

    /** Whether the question asks for a kind of fact a sentence must hold. */
    boolean needsEvidence() {
        return switch (question.kind()) {
            case MANNER, DEFINITION, NONE -> false;
            default -> true;
        };
    }

    /** Whether a fact of the question's kind is worth looking for (and rewarding) in a sentence. */
    private boolean looksForEvidence() {
        return needsEvidence();
    }

    /**
     * The fact of the sentence that answers the question's kind: of the right type, not one the question itself
     * states, about the question's names (the nearest name to it is one of theirs, in the same clause), naming what
     * a count counts or an amount measures. Null when there is none.
     */
    private Fact evidence(ReadSentence s, SentenceReader.DocumentFacts doc, Set<String> context) {
        if (!looksForEvidence()) {
            return null;
        }
        FactKind kind = question.kind();
        if ((kind == FactKind.COUNT || kind == FactKind.AMOUNT) && question.thing().isPresent()) {
            // "Quanti dipendenti..." is not answered by a sentence counting GPUs; what an amount measures may be its
            // paragraph's subject ("$38 billion spent last year" in a paragraph on capital expenditure)
            Term thing = question.thing().get();
            // or by a word near it in meaning ("two foreign citizens" counts people), nearer than a question's other
            // words need to be to count as said
            boolean named = !onlyInNames(thing, s, doc) && names(thing, s)
                    || kind == FactKind.AMOUNT && matches(thing.phrases(s.language()), context)
                    || !thing.glossary() && s.language().equals(question.language().code())
                    && softCredit(thing.surface(), s, index.embedder()) >= config.thingCredit();
            if (!named) {
                return null;
            }
        }
        ClauseSplitter.Level level = kind == FactKind.TIME || kind == FactKind.SINCE || kind == FactKind.DATE
                ? ClauseSplitter.Level.SUBORDINATE : ClauseSplitter.Level.RELATIVE;
        List<int[]> clauses = s.clauses(level);
        Fact best = null;
        for (Fact f : s.facts()) {
            if (f.type() == Fact.Type.NUMBER && (partOfADate(f, s) || designation(f, s))) {
                // the day of a date counts nothing and costs nothing ("la noche del 13 de marzo"), nor does the
                // figure that ends a name ("American Airlines Flight 587", "Rai 3", "the Fortune 500 companies")
                continue;
            }
            if (!answers(f, kind, s) || stated(f, s) || measuresSomethingElse(f, s)) {
                continue;
            }
            boolean owned = ownedByQuestion(f, s, clauses);
            if (!owned || !datesTheQuestion(f, s, clauses)) {
                LOG.trace("      fact '{}' not the question's: owned={}", f.text(), owned);
                continue;
            }
            if (best == null || rank(f, kind) > rank(best, kind)) {
                best = f;
            }
        }
        return best;
    }

    /** Whether a number written in digits alone stands right after a name, one space between: it is part of it. */
    private static boolean designation(Fact number, ReadSentence s) {
        return number.text().chars().allMatch(Character::isDigit) && s.facts().stream()
                .anyMatch(n -> n.type() == Fact.Type.NAME && n.end() + 1 == number.start()
                        && s.text().charAt(n.end()) == ' ');
    }

    /** Whether a number is the day of a date or a year of a time the sentence writes ("13" of "13 de marzo"). */
    private static boolean partOfADate(Fact number, ReadSentence s) {
        return s.facts().stream().anyMatch(t -> (t.type() == Fact.Type.DATE || t.type() == Fact.Type.TIME)
                && t.start() <= number.start() && number.end() <= t.end());
    }

    /** Whether a fact is of the kind the question asks for. */
    private boolean answers(Fact f, FactKind kind, ReadSentence s) {
        Dimension dimension = kind.dimension();
        return switch (kind) {
            case TIME -> f.type() == Fact.Type.TIME || f.type() == Fact.Type.DATE || f.type() == Fact.Type.SINCE;
            case DATE -> f.type() == Fact.Type.DATE;
            case FREQUENCY -> f.type() == Fact.Type.FREQUENCY;
            case SINCE -> f.type() == Fact.Type.SINCE || f.type() == Fact.Type.TIME || f.type() == Fact.Type.DATE;
            // an age is counted in years ("71 years old") or stands in apposition to a name ("Powell, 71,", "Medvedev,
            // 27 anni e alto")
            case AGE -> f.type() == Fact.Type.QUANTITY && (f.dimension() == Dimension.AGE
                    || f.dimension() == Dimension.DURATION && reader.language(s.language()).ageUnits().in(f.text()));
            case EXTENT -> f.type() == Fact.Type.QUANTITY
                    && (f.dimension() == Dimension.LENGTH || f.dimension() == Dimension.DURATION);
            case COUNT -> counts(f, s);
            // "How big is the majority?" is answered by "174 seats" as well as by "$65 billion"; how long something
            // lasted or how old someone is is asked so, not "how much" ("How much did the tour gross?" is not
            // answered by "a 21-month run"); a number written in words counts a few things ("cada dos cuotas"), it is
            // no amount
            case AMOUNT -> f.type() == Fact.Type.NUMBER && f.text().chars().anyMatch(Character::isDigit)
                    || f.type() == Fact.Type.QUANTITY
                    && (f.dimension() != Dimension.DURATION && f.dimension() != Dimension.AGE || unitIsThing(f, s));
            case STATEMENT -> f.type() == Fact.Type.STATEMENT;
            case RESULT -> f.type() == Fact.Type.RESULT;
            // a name the sentence gives as a place ("nella Cappella Sistina") is where, not who, unless its
            // preposition also says to whom ("a Silvio Berlusconi")
            // a name the preposition says something is given to is whom it is given to, whatever the thing ("il
            // premio a Giulia Bassi")
            case PERSON -> f.type() == Fact.Type.NAME && !describedOwner(f, s)
                    && (toWhom(f, s) || !isPlace(f, s) && !namesAThing(f, s));
            case ORGANIZATION -> f.type() == Fact.Type.NAME && !describedOwner(f, s);
            case PLACE -> f.type() == Fact.Type.PLACE;
            case REASON -> f.type() == Fact.Type.REASON;
            default -> dimension != null && f.type() == Fact.Type.QUANTITY && f.dimension() == dimension;
        };
    }

    /**
     * Among facts that answer, the more telling one: a "since" time for "since when", a quantity over a number; a
     * common noun of a place that the question asks for ("near the town of Leiston" for "Which town...?"), else a
     * place's own name ("in Reading") over a common noun of a place ("on behalf of the European Commission").
     */
    private int rank(Fact f, FactKind kind) {
        if (kind == FactKind.SINCE) {
            return f.type() == Fact.Type.SINCE ? 2 : 1;
        }
        if (kind == FactKind.PLACE) {
            if (Character.isUpperCase(f.text().codePointAt(0))) {
                return 2;
            }
            return questionWords.contains(f.text().split("[^\\p{L}]+")[0].toLowerCase(Locale.ROOT)) ? 3 : 1;
        }
        return f.type() == Fact.Type.QUANTITY || f.type() == Fact.Type.PLACE ? 2 : 1;
    }

    /**
     * A number that counts the question's thing: a figure with no unit, or whose unit is the thing ("1,5 volte" for
     * "quante volte"); a figure before another unit measures something else ("data center da 2 gigawatt").
     */
    private boolean counts(Fact f, ReadSentence s) {
        if (f.type() == Fact.Type.NUMBER) {
            // a figure in digits counts whatever the sentence counts; one in words, only what follows it
            return !inWords(f) || question.thing().isEmpty() || countsTheThing(f, s);
        }
        if (f.type() == Fact.Type.ORDINAL) {
            // a place in a series counts what it places ("Liverpool's 20th league championship") or how often the
            // sentence's event happened ("for a record fourth time"), not a rank ("el segundo destino más visitado")
            // nor a part ("in the second half")
            int end = wordsAfter(s.text(), f.end(), config.ordinalWords());
            Set<String> stems = s.stemsIn(f.end(), end);
            return question.thing().isPresent()
                    && (question.thing().get().stems(s.language()).stream().anyMatch(stems::contains)
                    || reader.language(s.language()).numbers().occurrences().in(s.text().substring(f.end(), end)));
        }
        if (f.type() != Fact.Type.QUANTITY || question.thing().isEmpty()) {
            return false;
        }
        if (f.dimension() == Dimension.COUNT) {
            return true;
        }
        return unitIsThing(f, s);
    }

    /** Whether a figure is written in words only ("three", "uno"), not in digits. */
    private static boolean inWords(Fact f) {
        return f.text().chars().noneMatch(Character::isDigit);
    }

    /**
     * Whether a number written in words counts the question's thing: it names it within the next few words, itself or
     * by a word near it in meaning in the question's language ("two foreign citizens" counts people), or nothing
     * follows it in its clause ("i finalisti erano sei."). A number word is also an article or a pronoun ("uno
     * spoglio", "one of the country's best-known attractions"), and one that a noun follows counts that noun ("two
     * display cases" does not count the guards).
     */
    private boolean countsTheThing(Fact f, ReadSentence s) {
        String text = s.text();
        int next = f.end();
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
        if (next >= text.length() || !Character.isLetter(text.charAt(next))) {
            return true;
        }
        int end = wordsAfter(text, f.end(), config.ordinalWords());
        Term thing = question.thing().get();
        Set<String> stems = s.stemsIn(f.end(), end);
        return thing.stems(s.language()).stream().anyMatch(stems::contains)
                || !thing.glossary() && s.language().equals(question.language().code())
                && softCredit(thing.surface(), s, new int[] {f.end(), end}, index.embedder()) >= config.thingCredit();
    }

    /** Where the {@code words}th word after a position ends (the text's end when there are fewer). */
    private static int wordsAfter(String text, int from, int words) {
        java.util.regex.Matcher m = WORD.matcher(text).region(from, text.length());
        int end = from;
        for (int i = 0; i < words && m.find(); i++) {
            end = m.end();
        }
        return end;
    }

    /**
     * Whether the word of a thing the question writes in lower case stands in a sentence of its language only inside
     * names (a name it finds, or a capitalised word its document writes so inside its sentences): "Fratelli d'Italia"
     * does not count anyone's brothers ("Quanti fratelli ha il papa?"). Only the asker's own word is looked at: a
     * synonym or a translation may be a name ("graphics processors" are "GPUs").
     */
    private boolean onlyInNames(Term thing, ReadSentence s, SentenceReader.DocumentFacts doc) {
        String asked = thing.surface().toLowerCase(Locale.ROOT);
        if (asked.isEmpty() || !Character.isLowerCase(thing.surface().charAt(0))
                || !s.language().equals(question.language().code())) {
            return false;
        }
        Set<String> stems = thing.stems(s.language());
        boolean inName = false;
        for (ReadSentence.Stem stem : s.stems()) {
            if (!stems.contains(stem.stem()) || !asked.startsWith(stem.stem())) {
                continue;
            }
            String word = s.text().substring(stem.start(), stem.end());
            boolean capitalised = Character.isUpperCase(word.codePointAt(0))
                    && doc.names().contains(word.toLowerCase(Locale.ROOT));
            if (!capitalised && s.facts().stream().noneMatch(f -> f.type() == Fact.Type.NAME
                    && stem.start() >= f.start() && stem.end() <= f.end())) {
                return false;
            }
            inName = true;
        }
        return inName;
    }

    /**
     * Whether a question for one end of a ranking meets a sentence, in its language, that says only the other: "Quale
     * regione ha avuto l'affluenza più bassa?" is not answered by "L'affluenza più alta si è registrata in Toscana".
     */
    private boolean otherExtreme(ReadSentence s) {
        return askedEnd != null && s.language().equals(question.language().code()) && otherEnd.in(s.text())
                && !askedEnd.in(s.text());
    }

    /** Whether a quantity's unit is what the question asks about ("how many days", "quanti anni"). */
    private boolean unitIsThing(Fact f, ReadSentence s) {
        if (question.thing().isEmpty()) {
            return false;
        }
        Set<String> unit = s.stemsIn(f.start(), f.end());
        return question.thing().get().stems(s.language()).stream().anyMatch(unit::contains);
    }

    /** Whether the question itself states the fact: a name it names is not who it asks about. */
    private boolean stated(Fact f) {
        if (f.type() == Fact.Type.NAME || f.type() == Fact.Type.PLACE) {
            for (String w : f.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                if (!w.isEmpty() && !questionWords.contains(w)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * The same, for a sentence that may be in another language than the question, where it names it translated, or
     * that names it inside a longer name.
     */
    private boolean stated(Fact f, ReadSentence s) {
        return stated(f) || (f.type() == Fact.Type.NAME || f.type() == Fact.Type.PLACE) && statedInTranslation(f, s)
                || f.type() == Fact.Type.NAME && (holdsAQuestionName(f, s) || abbreviatesAStatedName(f, s));
    }

    /**
     * Whether a name in brackets right after a name the question states is that name's short form: "The National
     * Transportation Safety Board (NTSB) published..." does not answer who chairs the board with "NTSB".
     */
    private boolean abbreviatesAStatedName(Fact f, ReadSentence s) {
        String text = s.text();
        int open = f.start();
        while (open > 0 && Character.isWhitespace(text.charAt(open - 1))) {
            open--;
        }
        if (open == 0 || text.charAt(open - 1) != '(') {
            return false;
        }
        int end = open - 1;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int before = end;
        return s.facts().stream().anyMatch(g -> g.type() == Fact.Type.NAME && g.end() == before
                && (stated(g) || statedInTranslation(g, s) || holdsAQuestionName(g, s)));
    }

    /**
     * Whether a name holds every word of one of the question's names: "lo Strega Giovani" is a kind of the Strega the
     * question asks about ("Chi ha vinto lo Strega nel 2023?"), not who won it.
     */
    private boolean holdsAQuestionName(Fact f, ReadSentence s) {
        Set<String> stems = s.stemsIn(f.start(), f.end());
        for (List<Term> entity : entities) {
            if (!entity.isEmpty() && entity.stream().allMatch(t -> t.stems(s.language()).stream()
                    .anyMatch(stems::contains))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a name of a sentence in another language is one the question names in its own: its words are part of one
     * of the ways the sentence says a question's term ("Banca" of "Banca centrale europea", for "the ECB").
     */
    private boolean statedInTranslation(Fact f, ReadSentence s) {
        if (s.language().equals(question.language().code())) {
            return false;
        }
        Set<String> stems = s.stemsIn(f.start(), f.end());
        for (Term t : terms) {
            for (List<String> phrase : t.phrases(s.language())) {
                Set<String> words = new HashSet<>(phrase);
                if (!stems.isEmpty() && matches(Set.of(phrase), s.stemSet())
                        && stems.stream().allMatch(stem -> matches(stem, words))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a fact is about the question's names. Every name of the question the sentence states stands in the
     * fact's clause ("Quanti soldi ci ha messo Softbank in Stargate?" is not answered by "Stargate da 500 miliardi...,
     * che ha visto investimenti da parte di ... Softbank"), and the name the fact belongs to (the nearest before it in
     * its clause, else the nearest after) is one of them, or one of them stands about as near ("Quanto ha investito
     * Trump?" is not answered by "Stargate da 500 miliardi di dollari del presidente Trump"). A question naming no
     * one the sentence names leaves the fact to the sentence's subject.
     */
    private boolean ownedByQuestion(Fact f, ReadSentence s, List<int[]> clauses) {
        List<Term> names = question.names();
        int[] clause = clauseOf(f, clauses);
        if (names.isEmpty() || clause == null || f.type() == Fact.Type.PLACE || f.type() == Fact.Type.REASON
                || f.type() == Fact.Type.STATEMENT) {
            // a place is where an event happened, a reason or a quotation is said of the sentence's event: none is
            // a figure someone holds
            return true;
        }
        int ownBefore = Integer.MAX_VALUE;
        int ownAfter = Integer.MAX_VALUE;
        int otherBefore = Integer.MAX_VALUE;
        int otherAfter = Integer.MAX_VALUE;
        Fact firstBefore = null;
        Fact nearestOwnBefore = null;
        boolean firstIsOurs = false;
        boolean anyQuestionName = false;
        // a question's name the fact's own clause says ties the fact to it: the same name said again in another
        // clause ("fondato nel 1947 da Maria Bellonci, che ... proprietario del liquore Strega") says no more
        boolean oursInClause = s.facts().stream().anyMatch(name -> name.type() == Fact.Type.NAME
                && !name.overlaps(f.start(), f.end()) && name.start() >= clause[0] && name.end() <= clause[1]
                && ours(name, s));
        for (Fact name : s.facts()) {
            if (name.type() != Fact.Type.NAME || name.overlaps(f.start(), f.end())) {
                continue;
            }
            boolean ours = ours(name, s);
            if (!ours && (isPlace(name, s) || attributed(name, s))) {
                continue;
            }
            // a relative clause is about the name it follows: "Clarity AD, che ha coinvolto 1.795 pazienti"
            boolean inClause = name.start() >= clause[0] && name.end() <= clause[1]
                    || antecedent(name, clause, clauses, s);
            if (ours && !inClause && oursInClause) {
                continue;
            }
            if (ours && !inClause && f.type() != Fact.Type.NAME && name.end() <= f.start()) {
                // a question's name said before the clause that holds a figure or a time may be what that clause
                // goes on about ("EDF estimated Hinkley's cost at £18 billion; ... its first reactor is not expected
                // before 2029"): the clause's own names decide; one said after it ("the Egyptian forward, 32, ...; the
                // captain, Virgil van Dijk") is someone the figure is not about, and who a name is stays tied to the
                // question's names in its own clause
                continue;
            }
            if (ours) {
                anyQuestionName = true;
                if (!inClause) {
                    return false;
                }
            }
            if (!inClause || !ours && stated(name, s)) {
                continue;
            }
            boolean before = name.end() <= f.start();
            if (!before && reader.language(s.language()).units().connectors()
                    .matcher(s.text().substring(f.end(), name.start()).strip()).matches()) {
                // "14 years of Conservative government": what a figure is of is what it is about; of the question's
                // name when the question names nothing else ("the foundation's 26 percent of OpenAI" is not
                // Microsoft's share), of someone else's when the name is another (not an acronym of a thing counted:
                // "1,3 milioni di GPU")
                if (!ours && !stated(name, s) && !acronym(name.text())) {
                    return false;
                }
                if (entities.size() == 1) {
                    return true;
                }
            }
            if (before && (firstBefore == null || name.start() < firstBefore.start())) {
                firstBefore = name;
                firstIsOurs = ours;
            }
            int distance = before ? f.start() - name.end() : name.start() - f.end();
            if (ours && before) {
                if (distance < ownBefore) {
                    nearestOwnBefore = name;
                }
                ownBefore = Math.min(ownBefore, distance);
            } else if (ours) {
                ownAfter = Math.min(ownAfter, distance);
            } else if (before) {
                otherBefore = Math.min(otherBefore, distance);
            } else {
                otherAfter = Math.min(otherAfter, distance);
            }
        }
        if (oursInClause && (f.type() == Fact.Type.TIME || f.type() == Fact.Type.DATE
                || f.type() == Fact.Type.SINCE) && saysTheQuestionsWords(clause, s)) {
            // a time dates its clause's event, and the event is as much about its object as about its subject: "Il
            // Parco ha presentato il 26 febbraio un affresco della Casa del Tiaso" dates the fresco's presentation
            // though the park is named nearer; the clause must say what the question asks happened, in its words
            return true;
        }
        if (!anyQuestionName) {
            // the question's names are implied here (by the document's subject, or the sentences just before): the
            // fact is theirs unless another name stands as the clause's subject ("The Greens won four seats")
            return firstBefore == null || !atClauseStart(firstBefore, clause, s);
        }
        // the clause's subject is one of the question's names ("The Conservatives, led by ... Sunak, were reduced to
        // 121 seats"), or the nearest name before the fact is (else the nearest after it), give or take the slack
        if (firstIsOurs && atClauseStart(firstBefore, clause, s)) {
            return true;
        }
        if (nearestOwnBefore != null && f.type() != Fact.Type.NAME
                && otherBefore > config.ownershipSlack() && apposition(nearestOwnBefore, f, s)) {
            // the names between the question's name and a figure or a time stand in what a comma sets beside it
            // ("Luis Rubiales, expresidente de la RFEF, a 18 meses de multa", "Shah Alam, 74, an immigrant from
            // Bangladesh who works ... for $12 an hour"): they say who it is, the figure is still its own (a name
            // there may answer "who" of it: "Webuild, di cui fanno parte anche ... Sacyr")
            return true;
        }
        boolean ownerBefore = ownBefore != Integer.MAX_VALUE || otherBefore != Integer.MAX_VALUE;
        int own = ownerBefore ? ownBefore : ownAfter;
        int other = ownerBefore ? otherBefore : otherAfter;
        return own != Integer.MAX_VALUE && (other == Integer.MAX_VALUE || own <= other + config.ownershipSlack());
    }

    /**
     * Whether what stands between a name and a fact after it is set beside the name by a comma: a description of it
     * ("Rubiales, expresidente de la RFEF, ...", "Shah Alam, 74, an immigrant ..."), not the next item of a list
     * ("Pozzuoli, Bacoli, Monte di Procida"), a new clause joined by "and", nor a statement after a colon.
     */
    private boolean apposition(Fact name, Fact f, ReadSentence s) {
        String between = s.text().substring(name.end(), f.start());
        if (!between.stripLeading().startsWith(",") || between.contains(":")) {
            return false;
        }
        java.util.regex.Matcher next = WORD.matcher(between);
        if (!next.find()) {
            return false;
        }
        String word = next.group();
        return !Character.isUpperCase(word.codePointAt(0))
                && !reader.language(s.language()).clauses().leading().contains(word);
    }

    /** Whether a clause says one of the question's own words (not a name, a year or a figure). */
    private boolean saysTheQuestionsWords(int[] clause, ReadSentence s) {
        Set<String> stems = s.stemsIn(clause[0], clause[1]);
        return terms.stream().anyMatch(t -> t.kind() == Term.Kind.ORDINARY && matches(t.phrases(s.language()), stems));
    }

    /**
     * Whether a time dates the question's event: its clause says something of the question. "This season" in "The
     * club will sign more players this season so that its academy becomes the best" dates the signings, not the
     * academy's rise. A place answers "where" unless the asker's words say an event no document speaks of ("Where was
     * she born?" in a corpus that never says who was born where): then no place in it is where that happened.
     */
    private boolean datesTheQuestion(Fact f, ReadSentence s, List<int[]> clauses) {
        if (f.type() == Fact.Type.PLACE && question.kind() == FactKind.PLACE) {
            return !unknownEvent;
        }
        boolean time = f.type() == Fact.Type.TIME || f.type() == Fact.Type.DATE || f.type() == Fact.Type.SINCE;
        int[] clause = clauseOf(f, clauses);
        if (time && clause != null && !saysTheVerb(clause, s)) {
            return false;
        }
        if (!time || clause == null || clauses.size() < 2) {
            return true;
        }
        Set<String> stems = s.stemsIn(clause[0], clause[1]);
        // the clause says what happened, not only who: "Lo ha spiegato Leone XIV sabato 10 maggio" does not date when
        // Leone XIII died; the question's own words that some document uses say what happened
        if (saysWhatHappened) {
            // in the question's words, or in words near them in meaning ("began" for "start", "opened" for "begin")
            return saysTheQuestionsWords(clause, s)
                    || terms.stream().anyMatch(t -> t.kind() == Term.Kind.ORDINARY && !t.glossary()
                    && s.language().equals(question.language().code())
                    && softCredit(t.surface(), s, clause, index.embedder()) >= config.paraphraseCredit());
        }
        return terms.stream().anyMatch(t -> t.kind() != Term.Kind.YEAR && matches(t.phrases(s.language()), stems));
    }

    /**
     * Whether a time's clause says the event the question asks the time of, when its verb is one some document uses
     * ("Quando è cominciato il conclave?" is not answered by "nel 2005 e nel 2013 gli elettori erano stati 115"): in
     * the verb's words, or in words near them in meaning in the question's language.
     */
    private boolean saysTheVerb(int[] clause, ReadSentence s) {
        if (knownVerbs.isEmpty()) {
            return true;
        }
        Set<String> stems = s.stemsIn(clause[0], clause[1]);
        return knownVerbs.stream().anyMatch(v -> matches(v.phrases(s.language()), stems)
                || s.language().equals(question.language().code())
                && softCredit(v.surface(), s, clause, index.embedder()) >= config.paraphraseCredit());
    }

    /** Whether a name is one of the question's (any word of one of its names). */
    private boolean ours(Fact name, ReadSentence s) {
        Set<String> stems = s.stemsIn(name.start(), name.end());
        return question.names().stream().anyMatch(t -> t.stems(s.language()).stream().anyMatch(stems::contains));
    }

    /** Whether a name stands where a clause's subject stands: among its first words. */
    private boolean atClauseStart(Fact name, int[] clause, ReadSentence s) {
        if (name.start() <= clause[0]) {
            // the antecedent of a relative clause is its subject
            return true;
        }
        String before = s.text().substring(clause[0], name.start());
        return WORD.matcher(before).results().count() <= config.subjectWords();
    }

    private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}]+");

    private boolean questionStates(Fact name) {
        return stated(name);
    }

    /**
     * Whether a name ends the clause right before a relative clause that holds the fact: its antecedent, what the
     * relative clause speaks of.
     */
    private boolean antecedent(Fact name, int[] clause, List<int[]> clauses, ReadSentence s) {
        int at = clauses.indexOf(clause);
        if (at <= 0 || !relativeStart(s, clause)) {
            return false;
        }
        int[] previous = clauses.get(at - 1);
        // the name, or a noun phrase it opens ("la Corte dei conti, che", "Elton John's farewell tour, which"): a few
        // words, none of them another name
        if (name.start() < previous[0] || name.end() > previous[1]) {
            return false;
        }
        boolean anotherName = s.facts().stream().anyMatch(f -> f.type() == Fact.Type.NAME
                && f.start() >= name.end() && f.end() <= previous[1]);
        return !anotherName && WORD.matcher(s.text().substring(name.end(), previous[1])).results().count()
                <= config.antecedentWords();
    }

    /** Whether a clause opens with a relative pronoun of its sentence's language. */
    private boolean relativeStart(ReadSentence s, int[] clause) {
        java.util.regex.Matcher m = reader.language(s.language()).clauses().relatives().matcher(s.text())
                .region(clause[0], clause[1]);
        return m.lookingAt();
    }

    /**
     * Whether a critical term the sentence does not say is implied: another word of the same name is there ("Powell"
     * for "Jerome Powell"), or the name is in the sentences just before in its paragraph ("They beat France..."), or
     * it is its document's subject and the sentence is not about someone else, who would stand as its subject.
     */
    private boolean implied(Term term, Set<List<String>> phrases, ReadSentence s, Passage passage,
                            SentenceReader.DocumentFacts doc) {
        if (!term.isName()) {
            return matches(phrases, doc.titleStems());
        }
        if (promoted.contains(term)) {
            return false;
        }
        List<Term> group = entity(term);
        // a word of the name the corpus also writes as a common word ("Energy" of "Rostova Energy") does not stand
        // for the name: another company's "Pinecrest Energy", or a document about energy, is not Rostova Energy
        List<Term> telling = telling(group);
        List<Term> inSentence = telling.stream().filter(t -> namedAsWritten(t, said(t, s.language()), s)).toList();
        if (group.size() > 1 && !inSentence.isEmpty()) {
            // "Giulia Cecchettin" says "Cecchettin", yet of Giulia: a word of the name said only inside another
            // name speaks of that one, not of "Gino Cecchettin"
            return inSentence.stream().anyMatch(t -> saidOutsideAnotherName(t, group, s));
        }
        boolean documentSubject = telling.stream().anyMatch(t -> matches(said(t, s.language()), doc.subjectStems()));
        if (telling.stream().anyMatch(t -> matches(said(t, s.language()), before(passage)))) {
            // a sentence whose own subject is another name speaks of that one: "Born in Chennai..., Gukesh is..."
            // after a sentence naming Kasparov does not say where Kasparov was born; but the document's subject acts
            // through others ("In a notable move, Zuckerberg chose..." in an article on Meta), and a name may be what
            // is asked ("The local promoter, Barracuda Music, called off the shows" after a sentence on the shows)
            boolean asksName = question.kind() == FactKind.PERSON || question.kind() == FactKind.ORGANIZATION;
            return asksName || documentSubject || !subjectIsSomeoneElse(s, true);
        }
        return documentSubject && !subjectIsSomeoneElse(s, false);
    }

    /**
     * Whether a sentence says a word of a name (in one of {@code phrases}). Where the name is said as the asker wrote
     * it (not by a translation the lexicon gives), a word of the sentence with its stem must also be written as a form
     * of it: stems join "Angela" and "Angelo", "Paola" and "Paolo", which are other people.
     */
    private boolean namedAsWritten(Term name, Set<List<String>> phrases, ReadSentence s) {
        if (!matches(phrases, s.stemSet())) {
            return false;
        }
        if (name.glossary()) {
            return true;
        }
        Set<List<String>> own = name.phrases(question.language().code());
        Set<List<String>> translated = new HashSet<>(phrases);
        translated.removeAll(own);
        if (matches(translated, s.stemSet())) {
            return true;
        }
        String wanted = folded(name.surface());
        for (ReadSentence.Stem st : s.stems()) {
            if (!matches(own, Set.of(st.stem()))) {
                continue;
            }
            // its written forms extend a name ("F80s", "Indian" of "India"), they do not change its letters
            String written = folded(s.text().substring(st.start(), st.end()));
            if (written.startsWith(wanted) || wanted.startsWith(written)) {
                return true;
            }
        }
        return false;
    }

    /** A written word as names are compared: without an elided article, accents, case or a possessive ending. */
    private static String folded(String word) {
        String w = FactFinder.bare(word);
        w = w.substring(Math.max(w.lastIndexOf('\''), w.lastIndexOf('’')) + 1);
        return MARKS.matcher(java.text.Normalizer.normalize(w, java.text.Normalizer.Form.NFD)).replaceAll("");
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");

    /**
     * Whether the sentence says a word of the question's name somewhere other than inside another name: one with a
     * capitalised word that is not the question's and that the corpus never writes in lower case ("Giulia" of "Giulia
     * Cecchettin"; not "President" of "President Trump").
     */
    private boolean saidOutsideAnotherName(Term word, List<Term> group, ReadSentence s) {
        Set<List<String>> phrases = said(word, s.language());
        Set<String> ours = new HashSet<>();
        group.forEach(t -> ours.add(FactFinder.bare(t.surface())));
        for (ReadSentence.Stem st : s.stems()) {
            if (!matches(phrases, Set.of(st.stem()))) {
                continue;
            }
            boolean another = false;
            for (Fact f : s.facts()) {
                if (f.type() != Fact.Type.NAME || f.start() > st.start() || f.end() < st.end()) {
                    continue;
                }
                for (String w : f.text().split("[\\s\\-]+")) {
                    String bare = FactFinder.bare(w);
                    if (!bare.isEmpty() && Character.isUpperCase(w.charAt(0)) && !ours.contains(bare)
                            && !corpusWords.lowercase().contains(bare)) {
                        another = true;
                    }
                }
            }
            if (!another) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a sentence speaks of a name it does not write by the words its language refers to a document's subject
     * with ("A guidare l'azienda è l'amministratore delegato Benedetto Vigna" in a document about Ferrari), or by the
     * very role the question asks about, said with a definite article ("Il comandante, il neozelandese James
     * Cutfield, ..." in a document about the Bayesian: the commander is the Bayesian's).
     */
    private boolean referredTo(Term term, ReadSentence s, SentenceReader.DocumentFacts doc) {
        if (!term.isName() || !reader.language(s.language()).subjectReferences().in(s.text())
                && !definiteDescription(s)) {
            return false;
        }
        return telling(entity(term)).stream().anyMatch(t -> matches(said(t, s.language()), doc.subjectStems()));
    }

    /** Whether a sentence says one of the question's subject words right after a definite article. */
    private boolean definiteDescription(ReadSentence s) {
        Phrases articles = reader.language(s.language()).definiteArticles();
        for (ReadSentence.Stem stem : s.stems()) {
            if (subject.stream().noneMatch(t -> t.stems(s.language()).contains(stem.stem()))) {
                continue;
            }
            if (saidRightBefore(articles, s.text(), stem.start(), 6)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ways a word of a name is said in a language, without the empty phrase of a word that language's analysis
     * drops ("Eras" of "Eras Tour" is a form of Spanish "ser"): a word said by no word does not show the name is there.
     */
    private static Set<List<String>> said(Term t, String language) {
        Set<List<String>> phrases = t.phrases(language);
        if (phrases.stream().allMatch(p -> !p.isEmpty())) {
            return phrases;
        }
        return phrases.stream().filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.toSet());
    }

    /** The words of a name the corpus never writes in lower case; all of them when it writes each one so. */
    private List<Term> telling(List<Term> group) {
        List<Term> out = group.stream()
                .filter(t -> !corpusWords.lowercase().contains(FactFinder.bare(t.surface()))).toList();
        return out.isEmpty() ? group : out;
    }

    /** The terms of the question's name a term belongs to: adjacent capitalised terms ("Jerome Powell"). */
    private List<Term> entity(Term term) {
        List<Term> group = new ArrayList<>();
        for (List<Term> g : entities) {
            if (g.contains(term)) {
                return g;
            }
        }
        group.add(term);
        return group;
    }

    /** The stems of the sentences before one in its paragraph, within the context window. */
    private Set<String> before(Passage passage) {
        Set<String> out = new HashSet<>();
        List<Passage> siblings = corpus.sentencesOf(corpus.paragraphOf(passage));
        int at = passage.sentence() - 1;
        for (int i = Math.max(0, at - config.contextSentences()); i < at && i < siblings.size(); i++) {
            out.addAll(reader.stemSet(siblings.get(i), corpus));
        }
        return out;
    }

    /**
     * Whether a name is the source a clause is attributed to ("According to People magazine, she paid..."): it is
     * not who the clause is about.
     */
    private boolean attributed(Fact name, ReadSentence s) {
        Language language = reader.language(s.language());
        // one article may stand between: "secondo il Financial Times"
        return language.attributions().endingAt(s.text(), beforeArticle(s.text(), name.start(), language), 20) >= 0;
    }

    /**
     * Where the words before a name end, past the spaces and one article that may stand between ("secondo il
     * Financial Times", "the mayor of the Bronx").
     */
    private static int beforeArticle(String text, int start, Language language) {
        int end = start;
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        int article = language.placeArticles().endingAt(text, end, 6);
        if (article >= 0) {
            end = article;
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        }
        return end;
    }

    /**
     * Whether a name the question does not name stands as the sentence's subject: among its first words, or, with
     * {@code afterOpening}, among the first after the phrase that opens it ("Born in Chennai on 29 May 2006, Gukesh
     * is..."), unless set off by commas ("In a recent post, Mark Zuckerberg, CEO of Meta, revealed...").
     */
    private boolean subjectIsSomeoneElse(ReadSentence s, boolean afterOpening) {
        int[] whole = {0, s.text().length()};
        int comma = afterOpening ? s.text().indexOf(',') : -1;
        int[] opened = {comma + 1, s.text().length()};
        for (Fact f : s.facts()) {
            if (f.type() == Fact.Type.NAME && !stated(f, s) && !isPlace(f, s) && !ours(f, s) && !attributed(f, s)
                    && !(f.text().length() <= 4 && f.text().equals(f.text().toUpperCase(Locale.ROOT)))) {
                return atClauseStart(f, whole, s) || comma > 0 && f.start() > comma
                        && atClauseStart(f, opened, s) && !apposition(f, s);
            }
        }
        return false;
    }

    /** Whether a name is set off by commas after it too ("del gruppo, Brad Smith, e"): an apposition, no subject. */
    private static boolean apposition(Fact name, ReadSentence s) {
        String after = s.text().substring(name.end()).stripLeading();
        return after.startsWith(",");
    }

    /**
     * Whether a measure written as an attribute measures another thing than the question's: "the 71-meter booster"
     * does not say how tall the launch tower is.
     */
    private boolean measuresSomethingElse(Fact f, ReadSentence s) {
        boolean measure = switch (question.kind()) {
            case LENGTH, EXTENT, MASS, AREA, SPEED, TEMPERATURE -> true;
            default -> false;
        };
        if (!measure || f.text().indexOf('-') < 0) {
            return false;
        }
        java.util.regex.Matcher next = NEXT_WORD.matcher(s.text()).region(f.end(), s.text().length());
        if (!next.lookingAt()) {
            return false;
        }
        Set<String> stems = s.stemsIn(next.start(1), next.end(1));
        if (stems.isEmpty()) {
            return false;
        }
        return terms.stream().noneMatch(t -> matches(t.phrases(s.language()), stems));
    }

    private static final java.util.regex.Pattern NEXT_WORD = java.util.regex.Pattern.compile("\\s+(\\p{L}+)");

    /** The IDF-weighted share of the question's terms said in the clause of the fact (the sentence without one). */
    private double clauseShare(Fact f, ReadSentence s) {
        int[] clause = f == null ? null : clauseOf(f, s.clauses(ClauseSplitter.Level.RELATIVE));
        Set<String> stems = clause == null ? s.stemSet() : s.stemsIn(clause[0], clause[1]);
        return share(terms, t -> matches(t.phrases(s.language()), stems) ? 1 : 0, s.language());
    }

    /** The share of the question's adjacent stem pairs the sentence has too: the same wording, not just words. */
    private double bigrams(ReadSentence s) {
        if (questionBigrams.isEmpty() || !s.language().equals(question.language().code())) {
            return 0;
        }
        Set<String> said = bigrams(s.stems().stream().map(ReadSentence.Stem::stem).toList());
        return (double) questionBigrams.stream().filter(said::contains).count() / questionBigrams.size();
    }

    private static Set<String> bigrams(List<String> stems) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 1 < stems.size(); i++) {
            out.add(stems.get(i) + " " + stems.get(i + 1));
        }
        return out;
    }

    /** Whether one of the question's names stands in the fact's clause (the fact is said of it, not implied). */
    private boolean ownerNamed(Fact f, ReadSentence s) {
        int[] clause = clauseOf(f, s.clauses(ClauseSplitter.Level.RELATIVE));
        if (clause == null || names.isEmpty()) {
            return false;
        }
        Set<String> stems = s.stemsIn(clause[0], clause[1]);
        return names.stream().anyMatch(t -> matches(t.phrases(s.language()), stems));
    }

    /** Whether the clause of a fact speaks of a projection, an estimate or a plan. */
    private static boolean projects(ReadSentence s, Fact f) {
        return s.projectsAt(f.start());
    }

    /** Whether the word before a name is a preposition that also says to whom ("a Silvio Berlusconi"). */
    private boolean toWhom(Fact name, ReadSentence s) {
        return saidRightBefore(reader.language(s.language()).placeRecipients(), s.text(), name.start(), 4);
    }

    /**
     * Whether one of the phrases ends right before a position, spaces aside, looking at most {@code window} characters
     * back.
     */
    private static boolean saidRightBefore(Phrases phrases, String text, int at, int window) {
        int before = at;
        while (before > 0 && Character.isWhitespace(text.charAt(before - 1))) {
            before--;
        }
        return phrases.endingAt(text, before, window) >= 0;
    }

    /**
     * Whether a name stands where an identity question's own name stands, after its description and a genitive ("il
     * sindaco di Napoli" for "Chi è il sindaco di Bacoli?"): whose the description is, another one than the asker's,
     * not who fits it.
     */
    private boolean describedOwner(Fact name, ReadSentence s) {
        if (!question.identity()) {
            return false;
        }
        Language language = reader.language(s.language());
        int genitive = language.genitives().endingAt(s.text(), beforeArticle(s.text(), name.start(), language), 8);
        if (genitive < 0) {
            return false;
        }
        int[] before = {Math.max(0, genitive - 30), genitive};
        Set<String> stems = s.stemsIn(before[0], before[1]);
        return terms.stream().anyMatch(t -> t.kind() == Term.Kind.ORDINARY
                && t.stems(s.language()).stream().anyMatch(stems::contains));
    }

    /**
     * Whether a name is a thing's, not a person's: a noun of a kind of thing heads it ("the Potomac River", "Stretto
     * di Messina") or introduces it, right before it or past one other word ("il consorzio Eurolink", "il gruppo
     * italiano Webuild"), or it is a title in the quotation marks its language encloses titles in («Borgo Sud», a
     * novel). Such a name does not answer "who" ("Chi è l'amministratore delegato di Webuild?" is not answered by "il
     * consorzio Eurolink, guidato dal gruppo italiano Webuild").
     */
    private boolean namesAThing(Fact name, ReadSentence s) {
        Language.Things things = reader.language(s.language()).things();
        if (things.quotedTitle(s.text(), name.start(), name.end())) {
            return true;
        }
        List<String> words = WORD.matcher(s.text().substring(name.start(), name.end())).results()
                .map(java.util.regex.MatchResult::group).toList();
        if (words.size() > 1 && things.nouns().contains(words.get(things.headFirst() ? 0 : words.size() - 1))) {
            return true;
        }
        String text = s.text();
        int end = name.start();
        for (int word = 0; word < 2; word++) {
            while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (things.nouns().endingAt(text, end, 40) >= 0) {
                return true;
            }
            // past one word of letters only (an adjective, not a comma or a figure)
            int start = end;
            while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                start--;
            }
            if (start == end || start == 0 || !Character.isWhitespace(text.charAt(start - 1))) {
                return false;
            }
            end = start;
        }
        return false;
    }

    /** A name the sentence gives as a place ("in Italia"): where something happens, not who it belongs to. */
    private static boolean isPlace(Fact name, ReadSentence s) {
        return s.facts().stream().anyMatch(p -> p.type() == Fact.Type.PLACE && p.start() == name.start());
    }

    private static int[] clauseOf(Fact f, List<int[]> clauses) {
        for (int[] c : clauses) {
            if (f.start() >= c[0] && f.start() < c[1]) {
                return c;
            }
        }
        return null;
    }

    /**
     * Whether the years the question speaks of admit the sentence's, counted from its document's year; a sentence
     * with no time of its own is read in its paragraph when the question writes a year.
     */
    private boolean yearsAdmit(ReadSentence s, SentenceReader.DocumentFacts doc, Passage passage) {
        Years asked = question.years();
        if (asked.isEmpty()) {
            return true;
        }
        // a figure since a year is a total over the years after it, not one of theirs ("Dal 2005 il suolo si è alzato
        // di 140 centimetri" does not say how much it rose in 2024): only a state lasts into the years asked
        boolean measured = question.kind().dimension() != null || question.kind() == FactKind.AMOUNT
                || question.kind() == FactKind.COUNT;
        // unless the question asks about the present ("today", "ahora"): the total since a year is today's
        boolean present = doc.year() != null && asked.resolved(doc.year()).equals(Set.of(doc.year()));
        if ((!measured || present) && lastsInto(asked, s, doc.year())) {
            return true;
        }
        Language language = reader.language(s.language());
        Years said = s.years();
        // a year the question itself sets against its fact is compared with all of the sentence's
        if (!said.isEmpty() && !askedCompares) {
            said = Years.ofFacts(s.text(), language);
            if (said.isEmpty() && !asked.written().isEmpty()) {
                // its only years are set against its facts or date their announcement: the facts' year is said by
                // its paragraph or its document's title ("Ferrari chiude il 2024 con ricavi record"), else by them
                said = Years.ofFacts(corpus.paragraphOf(passage).text(), language);
                if (said.isEmpty()) {
                    said = corpus.document(passage.documentId()).map(d -> Years.ofFacts(d.title(), language))
                            .orElse(Years.NONE);
                }
                if (said.isEmpty()) {
                    said = s.years();
                }
            }
        } else if (said.isEmpty() && !asked.written().isEmpty()) {
            said = Years.in(corpus.paragraphOf(passage).text(), language);
        }
        if (said.isEmpty() && !asked.written().isEmpty() && doc.year() != null) {
            // a sentence with no time of its own, in a paragraph that writes none, speaks of its document's year: a
            // year the document writes elsewhere is another edition, season or report's ("How much prize money did
            // Ding win in 2023?" is not answered by the 2024 match's figures); a year's results reported the year
            // after are dated by the paragraph or the title that writes that year, read above
            return asked.written().contains(doc.year());
        }
        return asked.admit(said, doc.year());
    }

    /**
     * Whether a state the sentence says has lasted since a year ("Carlsen, champion since 2013") holds in a year the
     * question asks about: any from that one to the document's.
     */
    private static boolean lastsInto(Years asked, ReadSentence s, Integer now) {
        Set<Integer> years = now == null ? asked.written() : asked.resolved(now);
        for (Fact f : s.facts()) {
            if (f.type() != Fact.Type.SINCE) {
                continue;
            }
            for (int from : Years.written(s.text().substring(f.start(), f.end()))) {
                if (years.stream().anyMatch(y -> y >= from && (now == null || y <= now))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Words of which the sentence must name one, when there are any ("nuclear or solar"). */
    private boolean required(List<Term> words, ReadSentence s, Set<String> context, boolean orContext,
                             List<String> uncovered) {
        if (words.isEmpty() || words.stream()
                .anyMatch(t -> names(t, s) || orContext && matches(t.phrases(s.language()), context))) {
            return true;
        }
        words.forEach(t -> uncovered.add(t.surface()));
        return false;
    }

    /** How much of the question's names the sentence's document names (in its title or its text). */
    private double documentShare(SentenceReader.DocumentFacts doc) {
        List<Term> names = question.names();
        if (names.isEmpty()) {
            return 0;
        }
        long named = names.stream().filter(t -> doc.names().contains(t.surface().toLowerCase(Locale.ROOT))
                || matches(t.phrases(doc.language()), doc.titleStems())).count();
        return (double) named / names.size();
    }

    /** The stems of the sentences around one in its paragraph. */
    private Set<String> context(Passage passage) {
        Set<String> out = new HashSet<>();
        List<Passage> siblings = corpus.sentencesOf(corpus.paragraphOf(passage));
        int at = passage.sentence() - 1;
        for (int i = Math.max(0, at - config.contextSentences());
             i <= Math.min(siblings.size() - 1, at + config.contextSentences()); i++) {
            if (i != at) {
                out.addAll(reader.stemSet(siblings.get(i), corpus));
            }
        }
        return out;
    }

    /** Whether the sentence names the term: a stem, a glossary synonym or, failing those, a near word. */
    private boolean names(Term term, ReadSentence s) {
        return matches(term.phrases(s.language()), s.stemSet())
                || !term.glossary() && s.language().equals(question.language().code())
                && softCredit(term.surface(), s, index.embedder()) >= config.paraphraseCredit();
    }

    /**
     * How much a question term says about what is asked, in a language: its rarest-sense IDF ("Musk" counts more
     * than "Meta"). A word the corpus never uses weighs less: it may be the missing fact, but as often it is only the
     * asker's phrasing ("mette sul piatto", "add up to"), and the corpus cannot tell which.
     */
    double weight(Term term, String language) {
        return weights.computeIfAbsent(term.surface() + "\u0000" + language, k -> {
            Set<String> stems = term.stems(language);
            boolean known = stems.stream().anyMatch(a -> index.knows(language, a));
            double idf = stems.stream().filter(a -> index.knows(language, a)).mapToDouble(a -> index.idf(language, a))
                    .max().orElseGet(() -> stems.stream().mapToDouble(a -> index.idf(language, a)).min().orElse(1));
            double w = term.glossary() || known ? idf : idf * config.unknownTermWeight();
            if (term.kind() == Term.Kind.YEAR) {
                w *= config.yearWeight();
            }
            return term.asked() ? w * config.askedWeight() : w;
        });
    }

    /** 0..1: how close the sentence's nearest content word is to {@code word}, scaled between the configured bounds. */
    private double softCredit(String word, ReadSentence s, Embedder embedder) {
        return softCredit(word, s, new int[] {0, s.text().length()}, embedder);
    }

    /** The same, for the words of a span of the sentence only. */
    private double softCredit(String word, ReadSentence s, int[] span, Embedder embedder) {
        if (!embedder.enabled() || config.softHigh() <= config.softLow()) {
            return 0;
        }
        String w = word.toLowerCase(Locale.ROOT);
        double best = 0;
        for (ReadSentence.Stem stem : s.stems()) {
            if (stem.start() < span[0] || stem.end() > span[1]) {
                continue;
            }
            String candidate = s.text().substring(stem.start(), stem.end()).toLowerCase(Locale.ROOT);
            if (candidate.length() < 3) {
                continue;
            }
            best = Math.max(best, embedder.similarity(w, candidate).orElse(0.0));
        }
        return Math.max(0, Math.min(1, (best - config.softLow()) / (config.softHigh() - config.softLow())));
    }

    /** Whether the stems say the term in one of its ways: every word of one of its phrases. */
    static boolean matches(Set<List<String>> phrases, Set<String> stems) {
        for (List<String> phrase : phrases) {
            boolean all = true;
            for (String word : phrase) {
                if (!matches(word, stems)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String word, Set<String> stems) {
        if (stems.contains(word)) {
            return true;
        }
        if (word.length() >= 5) {
            for (String s : stems) {
                if (Stems.sameWord(word, s)) {
                    return true;
                }
            }
        }
        return false;
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
