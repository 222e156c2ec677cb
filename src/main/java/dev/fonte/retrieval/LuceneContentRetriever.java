package dev.fonte.retrieval;

import dev.fonte.corpus.Passage;
import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static dev.langchain4j.internal.ValidationUtils.ensureNotNull;

/**
 * The corpus retriever the application answers with, and a LangChain4j {@link ContentRetriever}, so any LangChain4j
 * pipeline (a {@code DefaultRetrievalAugmentor}, an AI service) can use it too. It retrieves from the index being
 * served: BM25 and dense vectors fused by reciprocal rank fusion (or either alone, by configuration), plus the best
 * sentences of the documents most about the question as a whole, so that in a large corpus the sentences of the
 * right document are not crowded out by near sentences of many others. Scores are in [0, 1]: the fused score over
 * the best a passage could get. Each {@link Content} is one sentence; its segment's metadata carries the passage
 * id, document id and character offsets ({@link SegmentKeys}).
 */
@Singleton
public class LuceneContentRetriever implements ContentRetriever, PassageRetriever {

    /** Metadata keys of the returned segments. */
    public enum SegmentKeys {
        PASSAGE_ID, DOCUMENT_ID, START, END;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Supplier<PassageIndex> index;
    private final RetrievalConfiguration config;
    private final Lexicon lexicon;

    @Inject
    public LuceneContentRetriever(IndexManager indexes, RetrievalConfiguration config, Lexicon lexicon) {
        this(indexes::current, config, lexicon);
    }

    /** Over whatever index {@code index} gives at each query. */
    public LuceneContentRetriever(Supplier<PassageIndex> index, RetrievalConfiguration config, Lexicon lexicon) {
        this.index = ensureNotNull(index, "index");
        this.config = ensureNotNull(config, "config");
        this.lexicon = ensureNotNull(lexicon, "lexicon");
    }

    /** Sorted by relevance, most relevant first; the query's language is detected. */
    @Override
    public List<Content> retrieve(Query query) {
        String language = Languages.standard().detect(query.text()).code();
        return retrieve(query.text(), language, config.k()).stream().map(LuceneContentRetriever::toContent).toList();
    }

    /**
     * At most {@code k} sentences from the whole corpus, plus up to {@code per-document} sentences of each of the
     * {@code documents} documents most about the query that are not among them already.
     */
    @Override
    public List<ScoredPassage> retrieve(String query, String language, int k) {
        return retrieve(index.get(), config.mode(), query, language, k);
    }

    /** Retrieval with an explicit mode, for comparing modes side by side. */
    public List<ScoredPassage> retrieve(PassageIndex index, RetrievalConfiguration.Mode mode, String query,
                                        String language, int k) {
        int n = Math.max(k, config.candidates());
        List<List<ScoredPassage>> rankings = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Map<String, String> carried = carried(index, query, language);
        if (mode != RetrievalConfiguration.Mode.DENSE) {
            rankings.add(index.searchLexical(query, language, n));
            weights.add(1.0);
            // the documents in the corpus's other languages, searched with the question carried into each of them
            // (names and figures cross as they are, so even a language pair without a lexicon finds them)
            carried.forEach((other, text) -> {
                // a document also written in the question's language is found in it: its rendering is the
                // better match, and quoting it answers in the asker's language
                rankings.add(notRendered(index, index.searchLexical(text, other, n), language));
                weights.add(config.otherLanguageWeight());
            });
        }
        if (mode != RetrievalConfiguration.Mode.BM25) {
            rankings.add(index.searchDense(query, language, n));
            weights.add(mode == RetrievalConfiguration.Mode.DENSE ? 1.0 : config.denseWeight());
        }
        List<ScoredPassage> fused = fuse(rankings, weights, config.rrfK(), Integer.MAX_VALUE);
        List<ScoredPassage> out = new ArrayList<>(fused.subList(0, Math.min(k, fused.size())));
        if (config.documents() > 0 && config.perDocument() > 0) {
            withDocumentBests(index, mode, query, language, carried, fused, out);
        }
        out.sort(Comparator.comparingDouble(ScoredPassage::score).reversed());
        return placedInTheirLanguages(index, mode, out, query, language, n);
    }

    /**
     * Adds to {@code out} up to {@code per-document} sentences of each of the {@code documents} documents most about
     * the query that are not among its candidates already.
     */
    private void withDocumentBests(PassageIndex index, RetrievalConfiguration.Mode mode, String query, String language,
                                   Map<String, String> carried, List<ScoredPassage> fused, List<ScoredPassage> out) {
        Map<String, ScoredPassage> fusedById = new LinkedHashMap<>();
        fused.forEach(s -> fusedById.put(s.passage().id(), s));
        double floor = out.isEmpty() ? 1 : out.get(out.size() - 1).score();
        for (Map.Entry<String, String> documentAndLanguage : documents(index, query, language, carried)) {
            String documentId = documentAndLanguage.getKey();
            String in = documentAndLanguage.getValue();
            // a document in another language is searched with the carried question by BM25 only: the embedding model
            // compares texts of one language, and the carried question is a bag of translations, not a sentence
            List<ScoredPassage> best = in.equals(language) ? bestOf(index, documentId, query, language, mode)
                    : bestOf(index, documentId, carried.get(in), in, RetrievalConfiguration.Mode.BM25);
            for (int i = 0; i < best.size(); i++) {
                Passage p = best.get(i).passage();
                if (out.stream().noneMatch(s -> s.passage().id().equals(p.id()))) {
                    ScoredPassage known = fusedById.get(p.id());
                    // a sentence only its document's search found ranks below every other candidate
                    out.add(known != null ? known : new ScoredPassage(p, floor / (2 + i)));
                }
            }
        }
    }

    /**
     * The candidates, each in another language than the question's placed in its own language's ranking of the
     * question carried into it, and the best sentences of that ranking added below every other candidate.
     *
     * <p>That ranking fuses BM25 of the carried question, each word's translations searched as one term
     * ({@link CarriedQuestion}), with dense vectors of the carried words: as the question's own language finds its
     * sentences by two rankings, a sentence in another language is found by two, not by one bag of every sense of
     * every word. Its place there says how near it is to the question among the sentences that could answer in that
     * language; the candidates of the question's own language, and their order, are left as they are.
     */
    private List<ScoredPassage> placedInTheirLanguages(PassageIndex index, RetrievalConfiguration.Mode mode,
                                                       List<ScoredPassage> candidates, String query, String language,
                                                       int n) {
        if (config.otherLanguageCandidates() == 0) {
            return candidates;
        }
        List<ScoredPassage> out = new ArrayList<>(candidates);
        double floor = out.stream().mapToDouble(ScoredPassage::score).min().orElse(1);
        for (String other : answeredFrom(index, language)) {
            CarriedQuestion carried = new CarriedQuestion(lexicon.carryQuestion(query, language, other));
            if (carried.groups().isEmpty()) {
                continue;
            }
            List<List<ScoredPassage>> rankings = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            if (mode != RetrievalConfiguration.Mode.DENSE) {
                rankings.add(notRendered(index, index.searchLexical(carried, other, n), language));
                weights.add(1.0);
            }
            if (mode != RetrievalConfiguration.Mode.BM25) {
                rankings.add(notRendered(index, index.searchDense(carried.text(), other, n), language));
                weights.add(mode == RetrievalConfiguration.Mode.DENSE ? 1.0 : config.denseWeight());
            }
            List<ScoredPassage> own = fuse(rankings, weights, config.rrfK(), Integer.MAX_VALUE);
            Map<String, Integer> place = new LinkedHashMap<>();
            for (int i = 0; i < own.size(); i++) {
                place.put(own.get(i).passage().id(), i + 1);
            }
            out.replaceAll(s -> place.containsKey(s.passage().id())
                    ? s.withLanguageRank(place.get(s.passage().id())) : s);
            int added = 0;
            for (int i = 0; i < own.size() && added < config.otherLanguageCandidates(); i++) {
                Passage p = own.get(i).passage();
                if (out.stream().noneMatch(s -> s.passage().id().equals(p.id()))) {
                    out.add(new ScoredPassage(p, floor / (2 + added), i + 1));
                    added++;
                }
            }
        }
        return out;
    }

    /** Without the sentences of documents also written in the question's language (found in their rendering). */
    private static List<ScoredPassage> notRendered(PassageIndex index, List<ScoredPassage> found, String language) {
        return found.stream().filter(p -> !index.corpus().writtenIn(p.passage().documentId(), language)).toList();
    }

    /**
     * The question carried by the lexicon into each other language of the corpus whose documents it is answered from
     * (a language all of whose documents have a rendering in the question's language is found in that rendering).
     */
    private Map<String, String> carried(PassageIndex index, String query, String language) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String other : answeredFrom(index, language)) {
            out.put(other, lexicon.carry(query, language, other));
        }
        return out;
    }

    /** The corpus's other languages whose documents a question in {@code language} is answered from. */
    private static List<String> answeredFrom(PassageIndex index, String language) {
        Set<String> answeredFrom = index.corpus().answeredFrom(language);
        return index.languages().stream().filter(other -> !other.equals(language) && answeredFrom.contains(other))
                .toList();
    }

    /**
     * The documents most about the question, each with the language it is searched in: those of the question's
     * language, then in each other language those the carried question finds, which have no rendering in the
     * question's language (a document in another language is never crowded out by near ones in the asker's).
     */
    private List<Map.Entry<String, String>> documents(PassageIndex index, String query, String language,
                                                      Map<String, String> carried) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        index.rankDocuments(query, language, config.documents()).forEach(id -> out.add(Map.entry(id, language)));
        carried.forEach((other, text) -> index.rankDocuments(text, other, config.documents()).stream()
                .filter(id -> !index.corpus().writtenIn(id, language))
                .forEach(id -> out.add(Map.entry(id, other))));
        return out;
    }

    /**
     * A document's best sentences for the query: BM25 and dense vectors within that document alone, fused. Within the
     * document, the question's words that name its subject weigh little: the sentence that says what is asked wins,
     * even when it leaves the subject implicit ("the company will...").
     */
    private List<ScoredPassage> bestOf(PassageIndex index, String documentId, String query, String language,
                                       RetrievalConfiguration.Mode mode) {
        int n = 3 * config.perDocument();
        List<List<ScoredPassage>> rankings = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        if (mode != RetrievalConfiguration.Mode.DENSE) {
            rankings.add(index.searchLexicalWithin(documentId, query, language, n, config.titleWeight()));
            weights.add(1.0);
        }
        if (mode != RetrievalConfiguration.Mode.BM25) {
            rankings.add(index.searchDenseWithin(documentId, query, n));
            weights.add(mode == RetrievalConfiguration.Mode.DENSE ? 1.0 : config.denseWeight());
        }
        return fuse(rankings, weights, config.rrfK(), config.perDocument());
    }

    /** Weighted reciprocal rank fusion: each ranking adds weight / (rrfK + rank) to a passage's score. */
    static List<ScoredPassage> fuse(List<List<ScoredPassage>> rankings, List<Double> weights, int rrfK, int k) {
        Map<String, ScoredPassage> passages = new LinkedHashMap<>();
        Map<String, Double> scores = new LinkedHashMap<>();
        double possible = 0;
        for (int r = 0; r < rankings.size(); r++) {
            List<ScoredPassage> ranking = rankings.get(r);
            double weight = weights.get(r);
            possible += ranking.isEmpty() ? 0 : weight / (rrfK + 1);
            for (int rank = 0; rank < ranking.size(); rank++) {
                ScoredPassage s = ranking.get(rank);
                passages.putIfAbsent(s.passage().id(), s);
                scores.merge(s.passage().id(), weight / (rrfK + rank + 1), Double::sum);
            }
        }
        double best = possible == 0 ? 1 : possible;
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(k)
                .map(e -> new ScoredPassage(passages.get(e.getKey()).passage(), e.getValue() / best))
                .toList();
    }

    static Content toContent(ScoredPassage scored) {
        Passage p = scored.passage();
        Metadata metadata = new Metadata()
                .put(SegmentKeys.PASSAGE_ID.key(), p.id())
                .put(SegmentKeys.DOCUMENT_ID.key(), p.documentId())
                .put(SegmentKeys.START.key(), p.start())
                .put(SegmentKeys.END.key(), p.end());
        return Content.from(TextSegment.from(p.text(), metadata), Map.of(ContentMetadata.SCORE, scored.score()));
    }
}
