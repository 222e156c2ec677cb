package dev.fonte.answer.extractive;

import dev.fonte.answer.AnswerModel;
import dev.fonte.answer.AnswerRequest;
import dev.fonte.answer.AnswerWeights;
import dev.fonte.answer.Draft;
import dev.fonte.answer.ExtractiveConfiguration;
import dev.fonte.corpus.Passage;
import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import dev.fonte.retrieval.CarriedQuestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The embedded default answer model: no network, no weights. It reads the question with its language's pack, scores
 * each source sentence for the kind of fact asked for and the question's terms ({@link SentenceScorer}), and answers
 * by quoting the best sentence, or the clause of it that holds the fact, cited exactly. When no sentence answers, it
 * says what the nearest one lacks.
 */
public final class ExtractiveAnswerModel implements AnswerModel {

    public static final String NAME = "extractive";
    private static final Logger LOG = LoggerFactory.getLogger(ExtractiveAnswerModel.class);

    private final Languages languages;
    private final ExtractiveConfiguration config;
    private final QuestionReader questions;
    private final SentenceReader sentences;

    private final AnswerWeights weights;
    private final Lexicon lexicon;

    public ExtractiveAnswerModel(Languages languages, Lexicon lexicon, ExtractiveConfiguration config,
                                 AnswerWeights weights) {
        this.languages = languages;
        this.questions = new QuestionReader(lexicon);
        this.lexicon = lexicon;
        this.config = config;
        this.weights = weights;
        this.sentences = new SentenceReader(languages, config.sentenceCache(), config.subjectShare());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Draft draft(AnswerRequest request) {
        if (request.sources().isEmpty()) {
            return Draft.refused(NAME, Draft.Refusal.plain());
        }
        if (request.task() == AnswerRequest.Task.SUMMARY) {
            return summary(request);
        }
        ReadQuestion question = read(request);
        if (question.terms().isEmpty()) {
            return Draft.refused(NAME, Draft.Refusal.plain());
        }
        SentenceScorer scorer = scorer(question, request);
        List<Candidate> candidates = scorer.scoreAll(request.sources());
        if (LOG.isDebugEnabled()) {
            // every language's phrasing of a term: what a sentence in another language than the asker's must say
            LOG.debug("q='{}' kind={} thing={} terms={}", question.text(), question.kind(), question.thingWords(),
                    scorer.terms().stream().map(t -> t.surface() + "/" + t.kind() + t.phrases()).toList());
            candidates.forEach(c -> LOG.debug("  [{}] cov={} crit={} type={} sup={} ev={} score={} {}",
                    c.source().n(), String.format(Locale.ROOT, "%.2f", c.coverage()), c.criticalOk(), c.typeOk(),
                    c.supported(), c.evidence() == null ? "-" : c.evidence().text(),
                    String.format(Locale.ROOT, "%.2f", c.score()), c.sentence().text()));
        }
        // a question a document in its own language says every word of is read there word for word; a sentence in
        // another language says it only through the lexicon's senses, and answers only by naming what it names
        boolean readInOwnLanguage = scorer.ownLanguageSaysAll(request.sources());
        // a fact that holds answers before a projection of it ("the rate has climbed to 4.2 percent" before "is
        // expected to reach 4.4 percent") when the question asks for none
        List<Candidate> passing = candidates.stream().filter(Candidate::passes)
                .filter(c -> !readInOwnLanguage || c.sentence().language().equals(question.language().code())
                        || scorer.saysAName(c))
                .sorted(Comparator.comparing(Candidate::projected)
                        .thenComparing(Comparator.comparingDouble(Candidate::score).reversed())).toList();
        if (passing.isEmpty()) {
            // the documents a refusal points to are those whose sentences name what the question names, then those
            // nearest by the engine's weighing: retrieval alone puts a sentence sharing a common word first
            List<Integer> nearest = candidates.stream().sorted(Comparator.comparing(Candidate::criticalOk).reversed()
                    .thenComparing(Comparator.comparingDouble(Candidate::score).reversed()))
                    .map(c -> c.source().n()).toList();
            return Draft.refused(NAME, explain(candidates, scorer).withNearest(nearest));
        }
        List<Draft.Sentence> out = new ArrayList<>();
        Candidate first = passing.get(0);
        out.add(quote(first, request, question));
        Set<String> covered = new HashSet<>(first.covered());
        Set<String> quoted = new HashSet<>(List.of(first.sentence().text()));
        for (Candidate next : passing.subList(1, passing.size())) {
            if (out.size() >= config.maxSentences()) {
                break;
            }
            // a second sentence only when it answers a part of the question the first does not
            if (!covered.containsAll(next.covered()) && next.coverage() >= config.minCoverage()
                    && quoted.add(next.sentence().text())) {
                out.add(quote(next, request, question));
                covered.addAll(next.covered());
            }
        }
        return Draft.answered(NAME, out);
    }

    /**
     * One source sentence as the engine weighed it for a question.
     *
     * @param eligible it passes the engine's hard checks (the question's names, the kind of fact, its years)
     * @param signals  what the answer model weighs, in the order of {@link AnswerWeights#SIGNALS}
     */
    public record Weighed(String passageId, String text, boolean eligible, double probability, double[] signals,
                          String why) {
    }

    /** How the engine weighs each source of a request: for evaluation and for fitting its weights. */
    public List<Weighed> weigh(AnswerRequest request) {
        ReadQuestion question = read(request);
        if (question.terms().isEmpty() || request.task() != AnswerRequest.Task.ANSWER) {
            return List.of();
        }
        SentenceScorer scorer = scorer(question, request);
        return scorer.scoreAll(request.sources()).stream().map(c -> new Weighed(c.source().passage().id(),
                c.sentence().text(), c.criticalOk() && c.typeOk(), c.score(), c.signals(),
                (c.criticalOk() ? "" : "names " + c.uncovered() + " ") + (c.typeOk() ? "" : "kind " + question.kind()
                        + " evidence=" + (c.evidence() == null ? "-" : c.evidence().text())))).toList();
    }

    private SentenceScorer scorer(ReadQuestion question, AnswerRequest request) {
        // the words retrieval searched another language with: each word's translations, question words left out
        Map<String, String> carried = new HashMap<>();
        return new SentenceScorer(question, request.index(), sentences, config, weights, to -> carried.computeIfAbsent(
                to, l -> new CarriedQuestion(lexicon.carryQuestion(question.text(), question.language().code(), l))
                        .text()));
    }

    /** Reads the request's question (its standalone form) as the engine sees it. */
    public ReadQuestion read(AnswerRequest request) {
        return questions.read(request.standalone(), request.question(), request.language(),
                QuestionReader.corpusLanguages(request.index(), languages), request.index(),
                sentences.words(request.index().corpus()));
    }

    private Draft summary(AnswerRequest request) {
        List<Draft.Sentence> out = new ArrayList<>();
        for (AnswerRequest.Source s : request.sources().subList(0, Math.min(config.summarySentences(),
                request.sources().size()))) {
            Passage p = s.passage();
            out.add(sentence(p.text(), s, p.start(), p.end(), request.language(), s.document().language()));
        }
        return Draft.answered(NAME, out);
    }

    /** The candidate's sentence, or the clause of it that holds the fact, as a cited sentence of the answer. */
    private Draft.Sentence quote(Candidate c, AnswerRequest request, ReadQuestion question) {
        String text = c.sentence().text();
        int[] span = trim(c, question);
        Passage p = c.source().passage();
        return sentence(text.substring(span[0], span[1]), c.source(), p.start() + span[0], p.start() + span[1],
                request.language(), c.source().document().language());
    }

    /**
     * An answer sentence quoting {@code quote} (document offsets {@code start..end}); in the asker's language, framed
     * as a quotation from a document in another language when it is one.
     */
    private Draft.Sentence sentence(String quote, AnswerRequest.Source source, int start, int end, Language asker,
                                    String documentLanguage) {
        String body = quote.strip();
        String text;
        if (documentLanguage.equals(asker.code())) {
            text = capitalise(body);
        } else {
            text = asker.otherLanguageFrame()
                    .replace("{corpus}", asker.refusals().one().corpus())
                    .replace("{language}", asker.nameOf(documentLanguage))
                    .replace("{quote}", body);
        }
        if (!text.isEmpty() && ".!?…»".indexOf(text.charAt(text.length() - 1)) < 0) {
            text = text + ".";
        } else if (text.endsWith("»")) {
            text = text + ".";
        }
        return new Draft.Sentence(text, List.of(new Draft.Cite(source.n(), start, end)));
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /**
     * The span of the sentence to quote: the run of its clauses that say something the question asks about, when it
     * holds the fact asked for and stands on its own; else the whole sentence.
     */
    private int[] trim(Candidate c, ReadQuestion question) {
        ReadSentence s = c.sentence();
        String text = s.text();
        int[] whole = {0, text.length()};
        if (c.evidence() == null) {
            return whole;
        }
        List<int[]> clauses = s.quotable();
        if (clauses.size() < 2) {
            return whole;
        }
        int first = -1;
        int last = -1;
        for (int i = 0; i < clauses.size(); i++) {
            int[] clause = clauses.get(i);
            Set<String> stems = s.stemsIn(clause[0], clause[1]);
            boolean says = question.terms().stream()
                    .anyMatch(t -> SentenceScorer.matches(t.phrases(s.language()), stems))
                    || c.evidence().overlaps(clause[0], clause[1]);
            if (says) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0 || first == 0 && last == clauses.size() - 1) {
            return whole;
        }
        int start = clauses.get(first)[0];
        int end = clauses.get(last)[1];
        start += sentences.splitter(sentences.language(s.language())).leadingConnector(text.substring(start, end));
        String kept = text.substring(start, end).strip();
        boolean holdsFact = c.evidence().start() >= start && c.evidence().end() <= end;
        // a clause that opens on a comma goes on from what precedes it ("(ECMWF), which has its headquarters in
        // Reading"): it does not stand alone
        if (!holdsFact || kept.split("\\s+").length < config.minClauseWords() || kept.startsWith(",")) {
            return whole;
        }
        // keep the sentence's own closing punctuation when the clause ends where it does
        if (end == text.length() - 1 && ".!?".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return new int[] {start, end};
    }

    /**
     * Why nothing answers, from the nearest sentence (one that names what the question names, if any, then the one
     * covering most of it): the kind of fact it lacks when it covers the question, or the question's words no
     * document uses at all. Never a claim the corpus contradicts.
     */
    private Draft.Refusal explain(List<Candidate> candidates, SentenceScorer scorer) {
        Candidate nearest = candidates.stream().max(Comparator.comparing(Candidate::criticalOk)
                .thenComparingDouble(Candidate::coverage)).orElseThrow();
        if (nearest.criticalOk() && nearest.supported() && !nearest.typeOk() && scorer.needsEvidence()) {
            return new Draft.Refusal(scorer.kind(), List.of(), "");
        }
        // only names: that no document uses the asker's verb or adjective says nothing about the corpus
        List<String> unknown = scorer.terms().stream().filter(Term::isName).filter(t -> !scorer.knownAnywhere(t))
                .map(Term::surface).filter(w -> w.matches("\\p{L}[\\p{L}'’ -]{0,40}")).distinct().toList();
        if (!unknown.isEmpty() && unknown.size() <= config.maxMissingNamed()) {
            return new Draft.Refusal(null, unknown, "");
        }
        return Draft.Refusal.plain();
    }
}
