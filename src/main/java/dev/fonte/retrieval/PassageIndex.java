package dev.fonte.retrieval;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An in-memory Lucene index of the corpus's sentences. Each sentence is indexed in the fields of its document's
 * language ({@code text_it}, {@code text_en}, ...) so each language gets its own analysis; its paragraph is indexed
 * beside it as lower-weighted context. Immutable once built: a re-index builds a new one.
 */
public final class PassageIndex implements Closeable {

    private final Corpus corpus;
    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Set<String> languages;
    private final Map<String, Analyzer> queryAnalyzers = new java.util.concurrent.ConcurrentHashMap<>();
    private final double contextWeight;
    private final SynonymMap synonyms;
    private final Map<String, List<ScoredPassage>> keySentences = new java.util.concurrent.ConcurrentHashMap<>();
    /** Per text field: how many sentences have it, and each term's document frequency (read once: immutable). */
    private final Map<String, Integer> docCounts = new HashMap<>();
    private final Map<String, Map<String, Integer>> docFreqs = new HashMap<>();

    private final Embedder embedder;

    private PassageIndex(Corpus corpus, ByteBuffersDirectory directory, SynonymMap synonyms, double contextWeight,
                         Embedder embedder) throws IOException {
        this.corpus = corpus;
        this.embedder = embedder;
        this.directory = directory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.contextWeight = contextWeight;
        this.synonyms = synonyms;
        this.languages = new LinkedHashSet<>();
        corpus.documents().forEach(d -> languages.add(d.language()));
        for (String language : languages) {
            queryAnalyzers.put(language, FonteAnalyzers.query(language, synonyms));
            String field = field(IndexFields.TEXT, language);
            docCounts.put(field, reader.getDocCount(field));
            docFreqs.put(field, docFreqs(field));
        }
    }

    /** Every term of a field with its document frequency. */
    private Map<String, Integer> docFreqs(String field) throws IOException {
        Map<String, Integer> freqs = new HashMap<>();
        for (var leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum e = terms.iterator();
            for (BytesRef term = e.next(); term != null; term = e.next()) {
                freqs.merge(term.utf8ToString(), e.docFreq(), Integer::sum);
            }
        }
        return freqs;
    }

    public static PassageIndex build(Corpus corpus, SynonymMap synonyms, double contextWeight) {
        return build(corpus, synonyms, contextWeight, Embedder.disabled());
    }

    /** Builds the index; with an enabled embedder every sentence also gets its dense vector. */
    public static PassageIndex build(Corpus corpus, SynonymMap synonyms, double contextWeight, Embedder embedder) {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new LanguageFieldAnalyzer()))) {
            for (Passage sentence : corpus.sentences()) {
                Document doc = corpus.document(sentence.documentId()).orElseThrow();
                org.apache.lucene.document.Document d = new org.apache.lucene.document.Document();
                d.add(new StringField(IndexFields.ID, sentence.id(), Field.Store.YES));
                d.add(new StringField(IndexFields.DOCUMENT_ID, doc.id(), Field.Store.NO));
                d.add(new StringField(IndexFields.LANGUAGE, doc.language(), Field.Store.NO));
                d.add(new TextField(field(IndexFields.TEXT, doc.language()), sentence.text(), Field.Store.NO));
                d.add(new TextField(field(IndexFields.CONTEXT, doc.language()),
                        corpus.paragraphOf(sentence).text(), Field.Store.NO));
                embedder.embedCorpusText(sentence.text()).ifPresent(v ->
                        d.add(new KnnFloatVectorField(IndexFields.VECTOR, v, VectorSimilarityFunction.DOT_PRODUCT)));
                // idempotent: a passage id is indexed once however often the corpus is re-read
                writer.updateDocument(new Term(IndexFields.ID, sentence.id()), d);
            }
            writer.commit();
            return new PassageIndex(corpus, directory, synonyms, contextWeight, embedder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the in-memory index", e);
        }
    }

    public Corpus corpus() {
        return corpus;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** Nearest sentences by dense vector, in the query's language; empty when dense retrieval is off. */
    public List<ScoredPassage> searchDense(String query, String language, int k) {
        return embedder.embed(query)
                .map(v -> run(new KnnFloatVectorQuery(IndexFields.VECTOR, v, k, languageFilter(language)), k))
                .orElse(List.of());
    }

    /**
     * How much a (stemmed) term tells sentences of a language apart: BM25's inverse document frequency over the
     * sentences in that language; a term no sentence has gets the highest value.
     */
    public double idf(String language, String term) {
        String field = field(IndexFields.TEXT, indexedLanguage(language));
        // the counts were read from the index once (IndexReader#getDocCount and #docFreq): it never changes
        int n = Math.max(1, docCounts.getOrDefault(field, 0));
        int df = docFreq(field, term);
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /** Whether some sentence of a language has this (stemmed) term: the corpus uses the word at all. */
    public boolean knows(String language, String term) {
        return docFreq(field(IndexFields.TEXT, indexedLanguage(language)), term) > 0;
    }

    /**
     * Whether some sentence of a language has this (stemmed) term or one the test takes for the same word (looked up
     * among the index's terms that share the term's first five letters).
     */
    public boolean knowsLike(String language, String term, java.util.function.BiPredicate<String, String> sameWord) {
        String field = field(IndexFields.TEXT, indexedLanguage(language));
        if (docFreq(field, term) > 0) {
            return true;
        }
        if (term.length() < 5) {
            return false;
        }
        String prefix = term.substring(0, 5);
        try {
            for (var leaf : reader.leaves()) {
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
                    if (sameWord.test(term, candidate)) {
                        return true;
                    }
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("in-memory index read failed", ex);
        }
        return false;
    }

    private int docFreq(String field, String term) {
        return docFreqs.getOrDefault(field, Map.of()).getOrDefault(term, 0);
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
     * paragraph. Computed once per index and language.
     */
    public List<ScoredPassage> keySentences(String language, int n) {
        String lang = languages.contains(language) ? language : languages.stream().findFirst().orElse(language);
        return keySentences.computeIfAbsent(lang + "/" + n, key -> KeySentences.select(corpus, lang, n));
    }

    public int size() {
        return reader.numDocs();
    }

    public long sizeInBytes() {
        try {
            long total = 0;
            for (String file : directory.listAll()) {
                total += directory.fileLength(file);
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory directory failed", e);
        }
    }

    /** BM25 over the sentences in the query's language (all languages when the corpus has none in it). */
    public List<ScoredPassage> searchLexical(String query, String language, int k) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean any = false;
        for (String lang : searchLanguages(language)) {
            QueryBuilder builder = new QueryBuilder(queryAnalyzers.get(lang));
            Query text = builder.createBooleanQuery(field(IndexFields.TEXT, lang), query, BooleanClause.Occur.SHOULD);
            Query context = builder.createBooleanQuery(field(IndexFields.CONTEXT, lang), query, BooleanClause.Occur.SHOULD);
            if (text != null) {
                all.add(text, BooleanClause.Occur.SHOULD);
                any = true;
            }
            if (context != null) {
                all.add(new BoostQuery(context, (float) contextWeight), BooleanClause.Occur.SHOULD);
            }
        }
        if (!any) {
            return List.of();
        }
        return run(all.build(), k);
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
        try {
            List<ScoredPassage> out = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, k).scoreDocs) {
                String id = searcher.storedFields().document(hit.doc).get(IndexFields.ID);
                corpus.passage(id).ifPresent(p -> out.add(new ScoredPassage(p, hit.score)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory search failed", e);
        }
    }

    static String field(String base, String language) {
        return base + "_" + language;
    }

    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }

    /** Picks each field's analyzer from the language suffix of its name. */
    private static final class LanguageFieldAnalyzer extends DelegatingAnalyzerWrapper {
        private final Map<String, Analyzer> byLanguage = new HashMap<>();

        LanguageFieldAnalyzer() {
            super(PER_FIELD_REUSE_STRATEGY);
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            int underscore = fieldName.lastIndexOf('_');
            String language = underscore < 0 ? "en" : fieldName.substring(underscore + 1);
            return byLanguage.computeIfAbsent(language, FonteAnalyzers::index);
        }
    }
}
