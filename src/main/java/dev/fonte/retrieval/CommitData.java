package dev.fonte.retrieval;

import dev.fonte.corpus.CorpusConfiguration;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What every commit of the index records about how it was built, in Lucene's commit user data: an index written by
 * other ingestion code or settings, or whose stored text the analysis of this version reads differently, is rebuilt,
 * never searched; vectors are searched only when they are complete and were computed by the model in use. The
 * glossary is recorded too, so that an instance reading a shared index needs nothing else.
 */
final class CommitData {

    /** Bumped whenever what the index holds changes shape. */
    static final String SCHEMA_VERSION = "3";

    static final String SCHEMA = "fonte.schema";
    static final String INGEST = "fonte.ingest";
    static final String ANALYSIS = "fonte.analysis";
    static final String ANALYSIS_SAMPLE = "fonte.analysis.sample";
    static final String MODEL = "fonte.model";
    static final String VECTORS = "fonte.vectors";
    static final String DOCUMENTS = "fonte.documents";
    static final String SENTENCES = "fonte.sentences";
    static final String BUILT = "fonte.built";
    static final String GLOSSARY = "fonte.glossary:";

    static final String VECTORS_COMPLETE = "complete";
    static final String VECTORS_PENDING = "pending";
    static final String VECTORS_OFF = "off";

    /** The classes whose code decides what a file becomes in the index. */
    private static final List<String> INGESTION_CODE = List.of(
            "dev/fonte/corpus/Cleaner.class", "dev/fonte/corpus/Segmenter.class", "dev/fonte/corpus/CorpusLoader.class",
            "dev/fonte/corpus/FrontMatter.class", "dev/fonte/language/Languages.class",
            "dev/fonte/retrieval/IndexDocuments.class",
            "dev/fonte/retrieval/IndexDocuments$LanguageFieldAnalyzer.class",
            "dev/fonte/retrieval/KeySentences.class", "dev/fonte/retrieval/ContentHash.class",
            "dev/fonte/retrieval/Aliases.class", "dev/fonte/retrieval/DocumentReading.class",
            "dev/fonte/answer/extractive/CapitalisedWords.class");
    /** Sentences per language whose analysis is recorded. */
    private static final int SAMPLE = 32;

    private CommitData() {
    }

    /** The fingerprint of the ingestion code and the corpus settings this process would build with. */
    static String ingest(CorpusConfiguration corpus) {
        StringBuilder s = new StringBuilder(SCHEMA_VERSION).append('\n').append(corpus.paragraphWindow());
        corpus.chrome().forEach(c -> s.append('\n').append(c));
        INGESTION_CODE.forEach(c -> s.append('\n').append(ModelIdentity.crc(c)));
        return ContentHash.of(s.toString());
    }

    /** Why an index cannot be read by this process, or empty when it can. */
    static Optional<String> incompatibility(Map<String, String> data, String ingest, IndexSearcher searcher) {
        if (!SCHEMA_VERSION.equals(data.get(SCHEMA))) {
            return Optional.of("it was written by another version of Fonte");
        }
        if (!ingest.equals(data.get(INGEST))) {
            return Optional.of("it was built with other corpus settings or ingestion code");
        }
        return analysisDiffers(data, searcher);
    }

    /**
     * Why an index cannot be read by a process that never writes it, or empty when it can: only its shape and the
     * analysis of its text matter then, not how its files were ingested.
     */
    static Optional<String> readable(Map<String, String> data, IndexSearcher searcher) {
        if (!SCHEMA_VERSION.equals(data.get(SCHEMA))) {
            return Optional.of("it was written by another version of Fonte");
        }
        return analysisDiffers(data, searcher);
    }

    private static Optional<String> analysisDiffers(Map<String, String> data, IndexSearcher searcher) {
        String sample = data.getOrDefault(ANALYSIS_SAMPLE, "");
        if (!analysis(searcher, sample.isEmpty() ? List.of() : List.of(sample.split("\n")))
                .equals(data.get(ANALYSIS))) {
            return Optional.of("its text is analysed differently by this version");
        }
        return Optional.empty();
    }

    /** The commit data of an index just written. */
    static Map<String, String> of(String ingest, IndexSearcher searcher, Map<String, String> glossary,
                                  String vectors, String model, int documents, int sentences) {
        List<String> sample = sample(searcher);
        Map<String, String> data = new LinkedHashMap<>();
        data.put(SCHEMA, SCHEMA_VERSION);
        data.put(INGEST, ingest);
        data.put(ANALYSIS_SAMPLE, String.join("\n", sample));
        data.put(ANALYSIS, analysis(searcher, sample));
        data.put(VECTORS, vectors);
        data.put(MODEL, model);
        data.put(DOCUMENTS, Integer.toString(documents));
        data.put(SENTENCES, Integer.toString(sentences));
        data.put(BUILT, Instant.now().toString());
        glossary.forEach((file, text) -> data.put(GLOSSARY + file, text));
        return data;
    }

    /** The glossary files recorded in a commit, by name. */
    static Map<String, String> glossary(Map<String, String> data) {
        Map<String, String> files = new LinkedHashMap<>();
        data.forEach((k, v) -> {
            if (k.startsWith(GLOSSARY)) {
                files.put(k.substring(GLOSSARY.length()), v);
            }
        });
        return files;
    }

    /** The first sentences of each language (in index order), by Lucene document: their ids and languages. */
    private static List<String> sample(IndexSearcher searcher) {
        List<String> ids = new ArrayList<>();
        Set<String> languages = IndexedCorpus.entries(searcher).stream().map(IndexedCorpus.Entry::language)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        try {
            for (String language : languages) {
                BooleanQuery q = new BooleanQuery.Builder()
                        .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.Kind.SENTENCE.value())),
                                BooleanClause.Occur.FILTER)
                        .add(new TermQuery(new Term(IndexFields.LANGUAGE, language)), BooleanClause.Occur.FILTER)
                        .build();
                for (ScoreDoc hit : searcher.search(q, SAMPLE, Sort.INDEXORDER).scoreDocs) {
                    ids.add(language + " " + searcher.storedFields().document(hit.doc, Set.of(IndexFields.ID))
                            .get(IndexFields.ID));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index", e);
        }
        return ids;
    }

    /** The hash of the terms the analysis of this version makes of the sample's stored text. */
    private static String analysis(IndexSearcher searcher, List<String> sample) {
        StringBuilder terms = new StringBuilder();
        IndexedCorpus corpus = new IndexedCorpus(searcher, new IndexedCorpus.CacheSizes(10_000, 100, 100));
        for (String entry : sample) {
            String language = entry.substring(0, entry.indexOf(' '));
            String id = entry.substring(entry.indexOf(' ') + 1);
            terms.append(id).append(':');
            corpus.passage(id).ifPresent(p -> terms.append(
                    String.join(" ", new TreeSet<>(FonteAnalyzers.terms(FonteAnalyzers.shared(language),
                            p.text())))));
            terms.append('\n');
        }
        return ContentHash.of(terms.toString());
    }
}
