package dev.fonte.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micronaut.core.annotation.Nullable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;

/**
 * One version of the Lucene index of the corpus, as it was committed: the corpus read from it, BM25 over each
 * sentence in the fields of its document's language ({@code text_it}, {@code text_en}, ...) with its paragraph as
 * lower-weighted context, dense vectors of the sentences, and the summary scores. Immutable: an update of the index
 * is served as a new one. Closing it gives its files back; a question still running on it is then refused with
 * {@link IndexNotReadyException} and asked again on the current one.
 */
public final class PassageIndex implements Closeable {

    private static final AtomicLong GENERATIONS = new AtomicLong();
    /** The cache sizes of an index built in memory (tests and tools): small corpora. */
    private static final IndexedCorpus.CacheSizes IN_MEMORY = new IndexedCorpus.CacheSizes(1 << 24, 10_000, 1_000);

    private final IndexSearcher searcher;
    private final Closeable release;
    private final IndexedCorpus source;
    private final Corpus corpus;
    private final Set<String> languages;
    private final Map<String, Analyzer> queryAnalyzers = new ConcurrentHashMap<>();
    private final double contextWeight;
    private final SynonymMap synonyms;
    private final Embedder embedder;
    private final boolean dense;
    private final String vectorField;
    private final long generation = GENERATIONS.incrementAndGet();
    private final int size;
    private final long sizeInBytes;
    private final Cache<String, List<ScoredPassage>> keySentences = Caffeine.newBuilder().maximumSize(256).build();
    private final Cache<String, Optional<Query>> parsedQueries = Caffeine.newBuilder().maximumSize(256).build();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param release    gives the searcher back to whoever opened it, once, when this index is closed
     * @param model      the embedding model of questions; null when dense retrieval is off
     * @param dense      whether the index holds a vector of every sentence, computed by that model
     */
    PassageIndex(IndexSearcher searcher, Closeable release, SynonymMap synonyms, double contextWeight,
                 @Nullable EmbeddingModel model, boolean dense, Caches caches) {
        this.searcher = searcher;
        this.release = release;
        this.synonyms = synonyms;
        this.contextWeight = contextWeight;
        this.source = new IndexedCorpus(searcher, caches.corpus());
        this.corpus = Corpus.over(source);
        this.languages = source.languages();
        this.embedder = new Embedder(model, caches.vectors(), this::storedVector);
        this.dense = dense && model != null;
        this.vectorField = model == null ? IndexFields.VECTOR : IndexFields.vector(model.dimension());
        try {
            this.size = searcher.count(kind(IndexFields.Kind.SENTENCE));
            this.sizeInBytes = sizeInBytes(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
    }

    /** How much an index keeps in memory: its corpus caches, and the vectors of texts used lately. */
    record Caches(IndexedCorpus.CacheSizes corpus, int vectors) {
    }

    public static PassageIndex build(Corpus corpus, SynonymMap synonyms, double contextWeight) {
        return build(corpus, synonyms, contextWeight, null);
    }

    /**
     * Builds an index of a corpus in memory: for tests and tools. With a model, every sentence also gets its vector
     * (the server builds its index on disk: {@link Indexer}).
     */
    public static PassageIndex build(Corpus corpus, SynonymMap synonyms, double contextWeight,
                                     @Nullable EmbeddingModel model) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, IndexDocuments.writerConfig(16, 100, 16))) {
            Set<String> embedded = new HashSet<>();
            for (Document doc : corpus.documents()) {
                List<Passage> passages = new ArrayList<>();
                for (Passage paragraph : corpus.paragraphs(doc.id())) {
                    passages.add(paragraph);
                    passages.addAll(corpus.sentencesOf(paragraph));
                }
                writer.addDocuments(IndexDocuments.of(doc, passages, doc.id(), ContentHash.of(doc.text())));
                for (Passage p : passages) {
                    if (model != null && p.kind() == Passage.Kind.SENTENCE && embedded.add(doc.language() + p.text())) {
                        float[] v = Embedder.normalised(model.embed(p.text()).content().vector());
                        writer.addDocument(IndexDocuments.vector(doc.language(), p.text(), v));
                    }
                }
            }
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            return new PassageIndex(new IndexSearcher(reader), () -> close(reader, directory), synonyms,
                    contextWeight, model, model != null, new Caches(IN_MEMORY, 10_000));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory index", e);
        }
    }

    private static void close(DirectoryReader reader, Directory directory) throws IOException {
        try (directory) {
            reader.close();
        }
    }

    public Corpus corpus() {
        return corpus;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** Distinguishes this version of the index from every other one opened by this process. */
    public long generation() {
        return generation;
    }

    /** Whether dense vectors are searched (false while they are being computed, or when dense retrieval is off). */
    public boolean dense() {
        return dense;
    }

    /** Nearest sentences by dense vector, in the query's language; empty when dense retrieval is off. */
    public List<ScoredPassage> searchDense(String query, String language, int k) {
        if (!dense) {
            return List.of();
        }
        return embedder.embed(query).map(v -> guarded(() -> {
            TopDocs hits = searcher.search(new KnnFloatVectorQuery(vectorField, v, k, languageFilter(language)), k);
            Set<String> langs = searchLanguages(language);
            List<ScoredPassage> out = new ArrayList<>();
            for (ScoreDoc hit : hits.scoreDocs) {
                String hash = vectorHash(hit.doc);
                for (String lang : langs) {
                    // every sentence with this text (usually one)
                    for (int doc : live(new Term(IndexFields.NEEDS_VECTOR, IndexFields.vectorKey(lang, hash)))) {
                        if (out.size() < k) {
                            out.add(new ScoredPassage(source.passageAt(doc), hit.score));
                        }
                    }
                }
            }
            return out;
        })).orElse(List.of());
    }

    /**
     * The sentences of one document nearest to a query by dense vector, best first; empty when dense retrieval is
     * off. Every sentence of the document is compared (their vectors are read from the index): a document's best
     * sentence for a question is found even when many other documents have nearer ones. The sentences are found by
     * the keys of the vectors they need (doc values), so that only the {@code k} returned are read as text: reading
     * every sentence of the nearest documents was most of this search's cost.
     */
    public List<ScoredPassage> searchDenseWithin(String documentId, String query, int k) {
        if (!dense) {
            return List.of();
        }
        return embedder.embed(query).map(q -> guarded(() -> {
            List<SentenceKey> sentences = sentenceKeys(documentId);
            Map<String, float[]> stored = vectorsByKey(sentences);
            List<Scored> scored = new ArrayList<>(sentences.size());
            for (SentenceKey sentence : sentences) {
                float[] v = stored.get(sentence.key());
                if (v == null) {
                    // a sentence whose vector the index lacks: computed from its text, as any text is
                    v = embedder.embed(source.passageAt(sentence.doc()).text()).orElse(null);
                }
                if (v != null) {
                    scored.add(new Scored(sentence.doc(), (1 + Embedder.dot(q, v)) / 2, v));
                }
            }
            // stable: equal scores keep the text order (a document's sentences are indexed in it)
            scored.sort(Comparator.comparingDouble(Scored::score).reversed());
            List<ScoredPassage> out = new ArrayList<>(Math.min(k, scored.size()));
            for (Scored s : scored.subList(0, Math.min(k, scored.size()))) {
                Passage passage = source.passageAt(s.doc());
                // the answer model compares the question with these candidates next: their vectors are at hand
                embedder.keep(passage.text(), s.vector());
                out.add(new ScoredPassage(passage, s.score()));
            }
            return out;
        })).orElse(List.of());
    }

    /** A sentence of the index (its index-wide number) and the key of the vector it needs. */
    private record SentenceKey(int doc, String key) {
    }

    private record Scored(int doc, double score, float[] vector) {
    }

    /**
     * The live sentences of a document in index order (the text order: a document's passages are written together,
     * in order), with the keys of their vectors, from doc values: no stored field is read.
     */
    private List<SentenceKey> sentenceKeys(String documentId) throws IOException {
        List<SentenceKey> out = new ArrayList<>();
        Term term = new Term(IndexFields.DOCUMENT_ID, documentId);
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
            if (postings == null) {
                continue;
            }
            // only sentences need a vector: the document's entry and paragraphs have no key
            SortedDocValues keys = leaf.reader().getSortedDocValues(IndexFields.NEEDS_VECTOR);
            if (keys == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if ((live == null || live.get(doc)) && keys.advanceExact(doc)) {
                    out.add(new SentenceKey(leaf.docBase + doc, keys.lookupOrd(keys.ordValue()).utf8ToString()));
                }
            }
        }
        return out;
    }

    /**
     * The vectors the index keeps under the sentences' keys, each looked up once (in key order, segment by segment).
     */
    private Map<String, float[]> vectorsByKey(List<SentenceKey> sentences) throws IOException {
        Set<String> wanted = new TreeSet<>();
        sentences.forEach(s -> wanted.add(s.key()));
        Map<String, float[]> out = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            if (out.size() == wanted.size()) {
                break;
            }
            Terms terms = leaf.reader().terms(IndexFields.VECTOR_KEY);
            FloatVectorValues vectors = leaf.reader().getFloatVectorValues(vectorField);
            if (terms == null || vectors == null) {
                continue;
            }
            TermsEnum e = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum postings = null;
            // the vectors' documents in ascending order, so that one iterator over the vectors reaches them all
            TreeMap<Integer, String> docs = new TreeMap<>();
            for (String key : wanted) {
                if (out.containsKey(key) || !e.seekExact(new BytesRef(key))) {
                    continue;
                }
                postings = e.postings(postings, PostingsEnum.NONE);
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        docs.putIfAbsent(doc, key);
                        break;
                    }
                }
            }
            for (Map.Entry<Integer, String> d : docs.entrySet()) {
                if (vectors.docID() < d.getKey() && vectors.advance(d.getKey()) == d.getKey()) {
                    out.putIfAbsent(d.getValue(), vectors.vectorValue().clone());
                }
            }
        }
        return out;
    }

    /**
     * How much a (stemmed) term tells sentences of a language apart: BM25's inverse document frequency over the
     * sentences in that language, from Lucene's own statistics; a term no sentence has gets the highest value.
     */
    public double idf(String language, String term) {
        String field = IndexFields.field(IndexFields.TEXT, indexedLanguage(language));
        return guarded(() -> {
            var collection = searcher.collectionStatistics(field);
            long n = Math.max(1, collection == null ? 0 : collection.docCount());
            long df = searcher.getIndexReader().docFreq(new Term(field, term));
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        });
    }

    /**
     * Whether sentences in a language use a word, as that language's analysis makes it; never for a stop word, nor for
     * a language the index has no documents in.
     */
    public boolean uses(String language, String word) {
        if (!languages.contains(language)) {
            return false;
        }
        Set<String> terms = FonteAnalyzers.terms(FonteAnalyzers.shared(language), word);
        return !terms.isEmpty() && terms.stream().allMatch(t -> knows(language, t));
    }

    /** Whether some sentence of a language has this (stemmed) term: the corpus uses the word at all. */
    public boolean knows(String language, String term) {
        return guarded(() -> firstLive(
                new Term(IndexFields.field(IndexFields.TEXT, indexedLanguage(language)), term)) >= 0);
    }

    /**
     * Whether some sentence of a language has this (stemmed) term or one the test takes for the same word (looked up
     * among the index's terms that share the term's first five letters).
     */
    public boolean knowsLike(String language, String term, BiPredicate<String, String> sameWord) {
        if (knows(language, term)) {
            return true;
        }
        if (term.length() < 5) {
            return false;
        }
        String field = IndexFields.field(IndexFields.TEXT, indexedLanguage(language));
        String prefix = term.substring(0, 5);
        return guarded(() -> {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(field);
                if (terms == null) {
                    continue;
                }
                TermsEnum e = terms.iterator();
                if (e.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
                    continue;
                }
                for (BytesRef t = e.term(); t != null; t = e.next()) {
                    String candidate = t.utf8ToString();
                    if (!candidate.startsWith(prefix)) {
                        break;
                    }
                    // a term only deleted sentences had is no word of the corpus any more
                    if (sameWord.test(term, candidate) && firstLive(new Term(field, candidate)) >= 0) {
                        return true;
                    }
                }
            }
            return false;
        });
    }

    /** The languages of the corpus's documents, in document order of first appearance. */
    public Set<String> languages() {
        return languages;
    }

    private String indexedLanguage(String language) {
        return languages.contains(language) ? language : languages.stream().findFirst().orElse(language);
    }

    /** The query analyzer of a language (the index chain plus the glossary), shared; never close it. */
    public Analyzer queryAnalyzer(String language) {
        return queryAnalyzers.computeIfAbsent(language, l -> FonteAnalyzers.query(l, synonyms));
    }

    public SynonymMap synonyms() {
        return synonyms;
    }

    /**
     * The sentences that best summarise the documents in a language, in document order: those that carry the most
     * facts (numbers, names) and share the most vocabulary with the rest of their document, at most one per
     * paragraph. Read from the scores the index keeps, once per language and count.
     */
    public List<ScoredPassage> keySentences(String language, int n) {
        String lang = indexedLanguage(language);
        return keySentences.get(lang + "/" + n, key -> best(
                new TermQuery(new Term(IndexFields.LANGUAGE, lang)), n));
    }

    /** The key sentences of one document ({@link #keySentences}), in text order; empty for an unknown document. */
    public List<ScoredPassage> keySentencesOf(String documentId, int n) {
        return keySentences.get("document:" + documentId + "/" + n, key -> best(
                new TermQuery(new Term(IndexFields.DOCUMENT_ID, documentId)), n));
    }

    private List<ScoredPassage> best(Query scope, int n) {
        Query query = new BooleanQuery.Builder()
                .add(kind(IndexFields.Kind.SENTENCE), BooleanClause.Occur.FILTER)
                .add(scope, BooleanClause.Occur.FILTER)
                .add(new FieldExistsQuery(IndexFields.KEY_SCORE), BooleanClause.Occur.FILTER)
                .build();
        Sort byScore = new Sort(new SortField(IndexFields.KEY_SCORE, SortField.Type.DOUBLE, true),
                SortField.FIELD_DOC);
        return guarded(() -> {
            List<ScoredPassage> best = new ArrayList<>();
            // most paragraphs give their best sentence among the first few: read more only when they do not
            for (int wanted = Math.max(16, 4 * n); ; wanted *= 4) {
                TopDocs hits = searcher.search(query, wanted, byScore);
                Set<String> paragraphs = new HashSet<>();
                best.clear();
                for (ScoreDoc hit : hits.scoreDocs) {
                    Passage p = source.passageAt(hit.doc);
                    if (best.size() < n && paragraphs.add(p.paragraphId())) {
                        double score = (Double) ((FieldDoc) hit).fields[0];
                        best.add(new ScoredPassage(p, score));
                    }
                }
                if (best.size() >= n || hits.scoreDocs.length < wanted) {
                    break;
                }
            }
            best.sort(Comparator.comparing((ScoredPassage s) -> s.passage().documentId())
                    .thenComparingInt(s -> s.passage().start()));
            return List.copyOf(best);
        });
    }

    /**
     * The documents most about a query, best first: BM25 over whole documents (title and text) in the query's
     * language (all languages when the corpus has none in it). What a refusal or a summary can name.
     */
    public List<Document> nearestDocuments(String query, String language, int n) {
        List<Document> out = new ArrayList<>();
        for (String id : rankDocuments(query, language, n)) {
            corpus.document(id).ifPresent(out::add);
        }
        return out;
    }

    /** The ids of the documents most about a query, best first. */
    List<String> rankDocuments(String query, String language, int n) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        for (String lang : searchLanguages(language)) {
            Query q = parsed(lang, IndexFields.field(IndexFields.DOCUMENT_TEXT, lang), query);
            if (q != null) {
                all.add(q, BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        if (!any) {
            return List.of();
        }
        Query scoped = new BooleanQuery.Builder().add(all.build(), BooleanClause.Occur.MUST)
                .add(kind(IndexFields.Kind.DOCUMENT), BooleanClause.Occur.FILTER).build();
        return guarded(() -> {
            List<String> ids = new ArrayList<>();
            for (ScoreDoc hit : top(scoped, n).scoreDocs) {
                ids.add(documentIdOf(hit.doc));
            }
            return ids;
        });
    }

    public int size() {
        return size;
    }

    /** The bytes of the index files this version reads (the in-memory ones for an index built in memory). */
    public long sizeInBytes() {
        return sizeInBytes;
    }

    /** BM25 over the sentences in the query's language (all languages when the corpus has none in it). */
    public List<ScoredPassage> searchLexical(String query, String language, int k) {
        Query sentences = sentenceQuery((lang, field) -> parsed(lang, field, query), language, q -> q);
        return sentences == null ? List.of() : run(sentences, k);
    }

    /** The same for a question carried from another language, each of its words' alternatives searched as one. */
    public List<ScoredPassage> searchLexical(CarriedQuestion query, String language, int k) {
        Query sentences = sentenceQuery((lang, field) -> query.on(queryAnalyzer(lang), field), language, q -> q);
        return sentences == null ? List.of() : run(sentences, k);
    }

    /**
     * BM25 over the sentences of one document, the question's words that its title says weighing {@code titleWeight}
     * of the others: within the document they tell no sentence apart, and the one that says what is asked may leave
     * them implicit.
     */
    public List<ScoredPassage> searchLexicalWithin(String documentId, String query, String language, int k,
                                                   double titleWeight) {
        Optional<Document> doc = corpus.document(documentId);
        if (doc.isEmpty()) {
            return List.of();
        }
        Set<String> title = FonteAnalyzers.terms(FonteAnalyzers.shared(doc.get().language()), doc.get().title());
        Query sentences = sentenceQuery((lang, field) -> parsed(lang, field, query), language,
                q -> weighed(q, title, titleWeight));
        if (sentences == null) {
            return List.of();
        }
        return run(new BooleanQuery.Builder().add(sentences, BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(IndexFields.DOCUMENT_ID, documentId)), BooleanClause.Occur.FILTER)
                .build(), k);
    }

    /**
     * A question as a query on the sentences of its languages ({@code query} reads it on one field of one language),
     * each field's query passed through {@code weigh}: the sentence's own words, and its paragraph's at the context
     * weight. Null when the question has no terms.
     */
    private Query sentenceQuery(BiFunction<String, String, Query> query, String language,
                                java.util.function.UnaryOperator<Query> weigh) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        for (String lang : searchLanguages(language)) {
            Query text = query.apply(lang, IndexFields.field(IndexFields.TEXT, lang));
            Query context = query.apply(lang, IndexFields.field(IndexFields.CONTEXT, lang));
            if (text != null) {
                addFlat(all, weigh.apply(text), 1f);
                any = true;
            }
            if (context != null) {
                addFlat(all, weigh.apply(context), (float) contextWeight);
            }
        }
        return any ? all.build() : null;
    }

    /**
     * Adds a field's query to a disjunction clause by clause, each weighing {@code boost}: the same sum of the same
     * terms' scores as the field's query nested whole, but one flat disjunction lets Lucene skip the sentences that
     * only the low-weighted paragraph terms match, which a nested one scores one by one.
     */
    private static void addFlat(BooleanQuery.Builder all, Query query, float boost) {
        boolean disjunction = query instanceof BooleanQuery b && b.getMinimumNumberShouldMatch() == 0
                && b.clauses().stream().allMatch(c -> c.getOccur() == BooleanClause.Occur.SHOULD);
        for (Query q : disjunction ? ((BooleanQuery) query).clauses().stream().map(BooleanClause::getQuery).toList()
                : List.of(query)) {
            all.add(boost == 1f ? q : new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
        }
    }

    /** A query whose clauses on terms of {@code title} (every term of a clause) weigh {@code weight}. */
    private static Query weighed(Query query, Set<String> title, double weight) {
        if (query instanceof BooleanQuery b) {
            BooleanQuery.Builder out = new BooleanQuery.Builder().setMinimumNumberShouldMatch(
                    b.getMinimumNumberShouldMatch());
            b.clauses().forEach(c -> out.add(weighed(c.getQuery(), title, weight), c.getOccur()));
            return out.build();
        }
        Set<String> terms = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... found) {
                for (Term t : found) {
                    terms.add(t.text());
                }
            }
        });
        return !terms.isEmpty() && title.containsAll(terms) ? new BoostQuery(query, (float) weight) : query;
    }

    /**
     * A question as a query on one field, analysed with its language's query chain; kept a while, as one question is
     * searched in the corpus, in its nearest documents and in each of those. Null when it has no terms.
     */
    private Query parsed(String language, String field, String query) {
        return parsedQueries.get(field + '\u0000' + query, k -> Optional.ofNullable(
                new QueryBuilder(queryAnalyzer(language)).createBooleanQuery(field, query, BooleanClause.Occur.SHOULD)))
                .orElse(null);
    }

    /** The languages to search for a query in {@code language}. */
    Set<String> searchLanguages(String language) {
        return languages.contains(language) ? Set.of(language) : languages;
    }

    /** A filter on the query's language, for searches that are not per-field (dense vectors). */
    Query languageFilter(String language) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String lang : searchLanguages(language)) {
            b.add(new TermQuery(new Term(IndexFields.LANGUAGE, lang)), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    IndexSearcher searcher() {
        return searcher;
    }

    List<ScoredPassage> run(Query query, int k) {
        return guarded(() -> {
            List<ScoredPassage> out = new ArrayList<>();
            for (ScoreDoc hit : top(query, k).scoreDocs) {
                out.add(new ScoredPassage(source.passageAt(hit.doc), hit.score));
            }
            return out;
        });
    }

    /**
     * The {@code k} best hits of a query. Nothing reads how many documents match, so none are counted beyond the
     * {@code k}th: from then on Lucene skips the blocks of postings that cannot beat the hits it holds (the default
     * counts the first thousand, which a question's common words reach in every search). The hits are the same.
     */
    private TopDocs top(Query query, int k) throws IOException {
        return searcher.search(query, new TopScoreDocCollectorManager(k, null, k));
    }

    private static Query kind(IndexFields.Kind kind) {
        return new TermQuery(new Term(IndexFields.KIND, kind.value()));
    }

    private String vectorHash(int doc) throws IOException {
        LeafReaderContext leaf = leaf(doc);
        var keys = leaf.reader().getSortedDocValues(IndexFields.VECTOR_KEY);
        if (keys == null || !keys.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("a vector of the index has no key");
        }
        String key = keys.lookupOrd(keys.ordValue()).utf8ToString();
        return key.substring(key.indexOf(':') + 1);
    }

    private String documentIdOf(int doc) throws IOException {
        LeafReaderContext leaf = leaf(doc);
        var ids = leaf.reader().getSortedDocValues(IndexFields.ENTRY_ID);
        if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("a document of the index has no id");
        }
        return ids.lookupOrd(ids.ordValue()).utf8ToString();
    }

    private LeafReaderContext leaf(int doc) {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        return leaves.get(ReaderUtil.subIndex(doc, leaves));
    }

    /** The vector the index keeps for a corpus text (a sentence or a word), or null. */
    private float[] storedVector(String text) {
        if (closed.get()) {
            return null;
        }
        try {
            for (int doc : live(new Term(IndexFields.HASH, ContentHash.of(text)))) {
                LeafReaderContext leaf = leaf(doc);
                float[] v = vectorAt(leaf, doc - leaf.docBase);
                if (v != null) {
                    return v;
                }
            }
            return null;
        } catch (IOException | AlreadyClosedException e) {
            // only a cost: the model computes it again
            return null;
        }
    }

    private float[] vectorAt(LeafReaderContext leaf, int doc) throws IOException {
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(vectorField);
        if (vectors != null && vectors.advance(doc) == doc) {
            return vectors.vectorValue().clone();
        }
        BinaryDocValues words = leaf.reader().getBinaryDocValues(IndexFields.WORD_VECTOR);
        if (words != null && words.advanceExact(doc)) {
            return IndexDocuments.floats(words.binaryValue());
        }
        return null;
    }

    /** The index-wide number of the first live document with a term, or -1. */
    private int firstLive(Term term) {
        List<Integer> docs = LiveDocs.withTerm(searcher.getIndexReader(), term, 1);
        return docs.isEmpty() ? -1 : docs.get(0);
    }

    private List<Integer> live(Term term) {
        return LiveDocs.withTerm(searcher.getIndexReader(), term, Integer.MAX_VALUE);
    }

    private static long sizeInBytes(IndexSearcher searcher) throws IOException {
        if (!(searcher.getIndexReader() instanceof DirectoryReader reader)) {
            return 0;
        }
        long total = 0;
        for (String file : reader.getIndexCommit().getFileNames()) {
            total += reader.directory().fileLength(file);
        }
        return total;
    }

    /** A search on the searcher, or {@link IndexNotReadyException} once this index has been closed. */
    private <T> T guarded(LuceneCall<T> call) {
        if (closed.get()) {
            throw replaced();
        }
        try {
            return call.run();
        } catch (AlreadyClosedException e) {
            throw replaced();
        } catch (IOException e) {
            throw new UncheckedIOException("index search failed", e);
        }
    }

    private static IndexNotReadyException replaced() {
        return new IndexNotReadyException("the index was replaced while answering; ask again");
    }

    @FunctionalInterface
    private interface LuceneCall<T> {
        T run() throws IOException;
    }

    /** Gives the index's files back; questions still running on it are refused from now on. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            source.clear();
            embedder.clear();
            keySentences.invalidateAll();
            parsedQueries.invalidateAll();
            release.close();
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    /** The commit this version was opened on, or empty for an index built in memory without one. */
    Optional<Map<String, String>> commitData() {
        if (!(searcher.getIndexReader() instanceof DirectoryReader reader)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new LinkedHashMap<>(reader.getIndexCommit().getUserData()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index commit", e);
        }
    }
}
