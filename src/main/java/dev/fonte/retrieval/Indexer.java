package dev.fonte.retrieval;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.CorpusConfiguration;
import dev.fonte.corpus.CorpusException;
import dev.fonte.corpus.CorpusLoader;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Segmenter;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micronaut.core.annotation.Nullable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Brings the index up to date with a corpus folder, in two steps each ending in a commit:
 * <ol>
 *   <li>texts: a document whose file is new or changed (by the hash of its bytes) is read, segmented and written
 *   whole, replacing what the index had of it; one whose file is gone is deleted; unchanged files are not even
 *   parsed. Machine renderings of the documents, when translation is on, are written beside them the same way (by
 *   the hash of their text). The glossary is recorded. Then the vectors no sentence needs any more are deleted;</li>
 *   <li>vectors: every sentence text without a vector (and every new corpus word) is embedded, in batches spread over
 *   all cores, and written; what is done is committed now and then, so a restart resumes there. Vectors are keyed by
 *   their text: an unchanged sentence is never embedded again, and a changed document costs only its new
 *   sentences.</li>
 * </ol>
 * The caller owns the writer: on any failure it rolls back what was not committed.
 */
final class Indexer {

    private static final Logger LOG = LoggerFactory.getLogger(Indexer.class);

    private final CorpusConfiguration corpus;
    private final IndexConfiguration config;
    private final EmbeddingModel model;
    private final Executor writeExecutor;
    private final Function<Corpus, List<Document>> renderings;
    private final String ingest;

    /**
     * @param writeExecutor where the vectors of a batch are written while the next batch is embedded
     * @param renderings    the machine renderings to index beside the documents of the folder, given those documents
     *                      as written (null: none, and those indexed before are deleted)
     */
    Indexer(CorpusConfiguration corpus, IndexConfiguration config, @Nullable EmbeddingModel model,
            Executor writeExecutor, @Nullable Function<Corpus, List<Document>> renderings) {
        this.corpus = corpus;
        this.config = config;
        this.model = model;
        this.writeExecutor = writeExecutor;
        this.renderings = renderings;
        this.ingest = CommitData.ingest(corpus);
    }

    /** The fingerprint of the ingestion this indexer writes with ({@link CommitData#ingest}). */
    String ingest() {
        return ingest;
    }

    /** What an update did. */
    record Summary(int documents, int added, int changed, int removed, int unchanged,
                   List<CorpusLoader.Skipped> skipped, int sentences, long vectors, long words, Duration took) {
    }

    /** Hears how an update goes; every method is called on the updating thread. */
    interface Listener {

        /** A step starts: {@code what} is "documents" or "vectors", with how many items it has. */
        default void step(String what, long total) {
        }

        /** Items of the current step done so far. */
        default void progress(long done) {
        }

        /** The texts are committed; {@code pendingVectors} sentence texts still have no vector. */
        default void textsCommitted(long pendingVectors) {
        }

        /** Whether to stop now (the process is shutting down): the update ends with a cancellation. */
        default boolean cancelled() {
            return false;
        }
    }

    /**
     * @param lastCommit the user data of the commit the writer was opened on (empty for a new index)
     * @throws CorpusException when the folder cannot be read, or would empty an index that has documents
     */
    Summary update(IndexWriter writer, Map<String, String> lastCommit, Path folder, Listener listener)
            throws IOException {
        long start = System.nanoTime();
        CorpusLoader loader = corpus.loader();
        List<Path> files = loader.documentFiles(folder);
        Map<String, String> glossary = Glossary.files(folder);
        Map<String, IndexedCorpus.Entry> existing = new HashMap<>();
        try (DirectoryReader before = DirectoryReader.open(writer)) {
            IndexedCorpus.entries(new IndexSearcher(before)).forEach(e -> existing.put(e.id(), e));
        }
        listener.step("documents", files.size());
        Set<String> kept = new LinkedHashSet<>();
        Map<String, String> fileOf = new HashMap<>();
        List<CorpusLoader.Skipped> skipped = new ArrayList<>();
        int added = 0;
        int changed = 0;
        Preparation preparation = new Preparation(loader, files, existing);
        for (int i = 0; i < files.size(); i++) {
            check(listener);
            Path file = files.get(i);
            String id = CorpusLoader.documentId(file);
            try {
                if (kept.contains(id)) {
                    throw new CorpusException("another file already has document id " + id);
                }
                Prepared prepared = preparation.get(i);
                if (prepared.documents() != null) {
                    writer.updateDocuments(new Term(IndexFields.DOCUMENT_ID, id), prepared.documents());
                    if (existing.containsKey(id)) {
                        changed++;
                    } else {
                        added++;
                    }
                }
                kept.add(id);
                fileOf.put(id, file.getFileName().toString());
            } catch (CorpusException e) {
                LOG.warn("Skipping corpus file {}: {}", file, e.getMessage());
                skipped.add(new CorpusLoader.Skipped(file, e.getMessage()));
            }
            listener.progress(i + 1);
        }
        if (kept.isEmpty() && !existing.isEmpty()) {
            throw new CorpusException("the corpus folder has no readable document; the served index is kept");
        }
        int removed = 0;
        for (IndexedCorpus.Entry e : existing.values()) {
            if (e.translatedBy() == null && !kept.contains(e.id())) {
                writer.deleteDocuments(new Term(IndexFields.DOCUMENT_ID, e.id()));
                removed++;
            }
        }
        int[] rendered = renderings(writer, existing, kept, fileOf);
        added += rendered[0];
        changed += rendered[1];
        removed += rendered[2];
        String identity = model == null ? "" : ModelIdentity.of(model);
        boolean modelChanged = model != null && !identity.equals(lastCommit.getOrDefault(CommitData.MODEL, identity));
        if (modelChanged) {
            LOG.info("The embedding model changed: every vector is computed again");
            writer.deleteDocuments(new Term(IndexFields.KIND, IndexFields.Kind.VECTOR.value()),
                    new Term(IndexFields.KIND, IndexFields.Kind.WORD.value()));
        }
        Vectors plan = pruneVectors(writer);
        Set<String> missing = plan.missing();
        String vectors = model == null ? CommitData.VECTORS_OFF
                : missing.isEmpty() ? CommitData.VECTORS_COMPLETE : CommitData.VECTORS_PENDING;
        boolean changes = lastCommit.isEmpty() || added + changed + removed + plan.pruned() > 0 || modelChanged
                || !vectors.equals(lastCommit.get(CommitData.VECTORS))
                || !identity.equals(lastCommit.get(CommitData.MODEL))
                || !glossary.equals(CommitData.glossary(lastCommit));
        // an unchanged corpus makes no commit: the served version stays, and so do its caches
        int sentences = changes ? commit(writer, glossary, vectors, identity)
                : Integer.parseInt(lastCommit.getOrDefault(CommitData.SENTENCES, "0"));
        listener.textsCommitted(model == null ? 0 : missing.size());
        long[] embedded = {0, 0};
        if (model != null && !missing.isEmpty()) {
            embedded = embed(writer, missing, listener);
            commit(writer, glossary, CommitData.VECTORS_COMPLETE, identity);
        }
        Summary summary = new Summary(kept.size(), added, changed, removed, kept.size() - added - changed, skipped,
                sentences, embedded[0], embedded[1], Duration.ofNanos(System.nanoTime() - start));
        LOG.info("Index updated in {} ms: {} document(s) ({} added, {} changed, {} removed), {} sentences, "
                        + "{} sentence vector(s) and {} word vector(s) computed", summary.took().toMillis(),
                summary.documents(), added, changed, removed, sentences, embedded[0], embedded[1]);
        return summary;
    }

    /**
     * Writes the machine renderings of the documents as now written (an unchanged one is left as it is) and deletes
     * those no longer made; returns how many were added, changed and removed. A rendering sorts after its original.
     */
    private int[] renderings(IndexWriter writer, Map<String, IndexedCorpus.Entry> existing, Set<String> kept,
                             Map<String, String> fileOf) throws IOException {
        List<Document> made = List.of();
        if (renderings != null) {
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                made = renderings.apply(Corpus.over(new IndexedCorpus(new IndexSearcher(reader), config.cacheSizes(),
                        true)));
            }
        }
        int[] counts = {0, 0, 0};
        for (Document d : made) {
            String file = fileOf.get(d.translationOf());
            if (file == null || kept.contains(d.id())) {
                continue;
            }
            String hash = ContentHash.of(d.translatedBy() + "\n" + d.title() + "\n" + d.text());
            IndexedCorpus.Entry old = existing.get(d.id());
            if (old == null || !old.file().equals(file) || !old.fileHash().equals(hash)) {
                writer.updateDocuments(new Term(IndexFields.DOCUMENT_ID, d.id()),
                        IndexDocuments.of(d, Segmenter.segment(d.id(), d.language(), d.text()), file, hash));
                counts[old == null ? 0 : 1]++;
            }
            kept.add(d.id());
        }
        for (IndexedCorpus.Entry e : existing.values()) {
            if (e.translatedBy() != null && !kept.contains(e.id())) {
                writer.deleteDocuments(new Term(IndexFields.DOCUMENT_ID, e.id()));
                counts[2]++;
            }
        }
        return counts;
    }

    /**
     * The Lucene documents of the corpus files, prepared on the executor a few files ahead of the writer, which adds
     * them in corpus order: reading a file, segmenting it and reading its words, short forms and key sentences take
     * most of the text step's time, and the writer would otherwise wait for each. The index is the one a single
     * thread writes.
     */
    private final class Preparation {
        private final CorpusLoader loader;
        private final List<Path> files;
        private final Map<String, IndexedCorpus.Entry> existing;
        private final Executor executor;
        private final int ahead;
        private final List<CompletableFuture<Prepared>> pending = new ArrayList<>();

        Preparation(CorpusLoader loader, List<Path> files, Map<String, IndexedCorpus.Entry> existing) {
            this.loader = loader;
            this.files = files;
            this.existing = existing;
            // the tasks read the language packs' resources through the application's class loader
            this.executor = EmbeddingModelFactory.withClassLoader(writeExecutor, Indexer.class.getClassLoader());
            this.ahead = 2 * (writeExecutor instanceof ForkJoinPool pool ? pool.getParallelism()
                    : Runtime.getRuntime().availableProcessors());
        }

        /** The i-th file prepared; the files up to {@code ahead} after it are being prepared meanwhile. */
        Prepared get(int i) {
            while (pending.size() < Math.min(files.size(), i + 1 + ahead)) {
                Path file = files.get(pending.size());
                pending.add(CompletableFuture.supplyAsync(() -> prepare(file), executor));
            }
            CompletableFuture<Prepared> future = pending.set(i, null);
            try {
                return future.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }

        /** The file's Lucene documents, or none when the index has it unchanged (by the hash of its bytes). */
        private Prepared prepare(Path file) {
            String id = CorpusLoader.documentId(file);
            String name = file.getFileName().toString();
            String hash = ContentHash.of(read(file));
            IndexedCorpus.Entry old = existing.get(id);
            if (old != null && old.file().equals(name) && old.fileHash().equals(hash)) {
                return new Prepared(null);
            }
            CorpusLoader.Loaded loaded = loader.loadFile(file);
            return new Prepared(IndexDocuments.of(loaded.document(), loaded.passages(), name, hash));
        }
    }

    /** @param documents the Lucene documents to write, or null when the file is indexed unchanged */
    private record Prepared(@Nullable List<List<IndexableField>> documents) {
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CorpusException("cannot read: " + e.getMessage(), e);
        }
    }

    private static void check(Listener listener) {
        if (listener.cancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the index update was stopped");
        }
    }

    /**
     * Deletes the vectors no live sentence needs any more, and finds those live sentences need and the index lacks.
     */
    private static Vectors pruneVectors(IndexWriter writer) throws IOException {
        Set<String> needed;
        Set<String> present;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            needed = keys(reader, IndexFields.NEEDS_VECTOR);
            present = keys(reader, IndexFields.VECTOR_KEY);
        }
        List<Term> orphans = new ArrayList<>();
        for (String key : present) {
            if (!needed.contains(key)) {
                orphans.add(new Term(IndexFields.VECTOR_KEY, key));
            }
        }
        if (!orphans.isEmpty()) {
            writer.deleteDocuments(orphans.toArray(Term[]::new));
        }
        needed.removeAll(present);
        return new Vectors(needed, orphans.size());
    }

    /** The keys of the vectors sentences need and the index lacks, and how many unneeded ones were deleted. */
    private record Vectors(Set<String> missing, int pruned) {
    }

    /** The values of a doc-values field over the live documents that have it. */
    private static Set<String> keys(DirectoryReader reader, String field) throws IOException {
        Set<String> keys = new HashSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues values = leaf.reader().getSortedDocValues(field);
            if (values == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                if (live == null || live.get(doc)) {
                    keys.add(values.lookupOrd(values.ordValue()).utf8ToString());
                }
            }
        }
        return keys;
    }

    /** Embeds the missing sentence texts and the new words they bring; returns how many of each were computed. */
    private long[] embed(IndexWriter writer, Set<String> missing, Listener listener) throws IOException {
        listener.step("vectors", missing.size());
        Batch sentences = new Batch(false);
        Batch words = new Batch(true);
        Set<String> seenWords = new HashSet<>();
        Writes writes = new Writes(writer);
        long[] done = {0, 0};
        long lastCommit = System.nanoTime();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedDocValues keys = leaf.reader().getSortedDocValues(IndexFields.NEEDS_VECTOR);
                if (keys == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                StoredFields stored = leaf.reader().storedFields();
                for (int doc = keys.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = keys.nextDoc()) {
                    String key = keys.lookupOrd(keys.ordValue()).utf8ToString();
                    if (live != null && !live.get(doc) || !missing.remove(key)) {
                        continue;
                    }
                    String text = stored.document(doc, Set.of(IndexFields.BODY)).get(IndexFields.BODY);
                    sentences.add(key.substring(0, key.indexOf(':')), text);
                    for (String word : IndexDocuments.words(text)) {
                        if (seenWords.add(word) && searcher.count(new TermQuery(
                                new Term(IndexFields.HASH, ContentHash.of(word)))) == 0) {
                            words.add("", word);
                        }
                    }
                    if (sentences.size() >= config.embedBatch()) {
                        check(listener);
                        done[0] += writes.embed(sentences);
                        listener.progress(done[0]);
                    }
                    if (words.size() >= config.embedBatch()) {
                        done[1] += writes.embed(words);
                    }
                    if (System.nanoTime() - lastCommit > config.commitEvery().toNanos()) {
                        // what is embedded so far survives a restart (the commit still says the vectors are pending)
                        writes.await();
                        writer.commit();
                        lastCommit = System.nanoTime();
                    }
                }
            }
        }
        done[0] += writes.embed(sentences);
        done[1] += writes.embed(words);
        writes.await();
        listener.progress(done[0]);
        return done;
    }

    /**
     * Embeds batches on the calling thread (the model spreads a batch over its executor's threads) while the vectors
     * of the previous batch are written on the write executor: linking vectors into the nearest-neighbour graph takes
     * one core, which would otherwise wait for the model, and the model would wait for it. One write at a time.
     */
    private final class Writes {
        private final IndexWriter writer;
        private CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);

        Writes(IndexWriter writer) {
            this.writer = writer;
        }

        /** Embeds a batch and starts writing its vectors; returns how many. */
        int embed(Batch batch) throws IOException {
            if (batch.size() == 0) {
                return 0;
            }
            List<String> texts = List.copyOf(batch.texts);
            List<String> languages = List.copyOf(batch.languages);
            boolean words = batch.words;
            batch.clear();
            List<float[]> vectors = vectors(texts);
            await();
            writing = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < texts.size(); i++) {
                        writer.addDocument(words ? IndexDocuments.word(texts.get(i), vectors.get(i))
                                : IndexDocuments.vector(languages.get(i), texts.get(i), vectors.get(i)));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, writeExecutor);
            return texts.size();
        }

        /** Waits for the write under way; what it threw is thrown here. */
        void await() throws IOException {
            try {
                writing.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof UncheckedIOException io) {
                    throw io.getCause();
                }
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    /** The model's unit vectors of a batch, checked: one per text, all of the model's dimension, finite. */
    private List<float[]> vectors(List<String> texts) {
        List<Embedding> embeddings = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
        if (embeddings.size() != texts.size()) {
            throw new Embedder.InvalidVectorException("the embedding model returned " + embeddings.size()
                    + " vectors for " + texts.size() + " texts");
        }
        int dimension = model.dimension();
        List<float[]> out = new ArrayList<>(texts.size());
        for (Embedding e : embeddings) {
            float[] v = Embedder.normalised(e.vector());
            if (v.length != dimension) {
                throw new Embedder.InvalidVectorException("the embedding model returned a vector of " + v.length
                        + " values instead of " + dimension);
            }
            out.add(v);
        }
        return out;
    }

    /** Commits with this process's build record; returns the sentences committed. */
    private int commit(IndexWriter writer, Map<String, String> glossary, String vectors, String model)
            throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            int documents = IndexedCorpus.entries(searcher).size();
            int sentences = searcher.count(
                    new TermQuery(new Term(IndexFields.KIND, IndexFields.Kind.SENTENCE.value())));
            writer.setLiveCommitData(CommitData.of(ingest, searcher, glossary, vectors, model, documents, sentences)
                    .entrySet());
            writer.commit();
            return sentences;
        }
    }

    /** Texts waiting to be embedded, with the language of each (sentence vectors are per language). */
    private static final class Batch {
        final List<String> languages = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        final boolean words;

        Batch(boolean words) {
            this.words = words;
        }

        void add(String language, String text) {
            languages.add(language);
            texts.add(text);
        }

        int size() {
            return texts.size();
        }

        void clear() {
            languages.clear();
            texts.clear();
        }
    }

    /** Stops an update between two steps when {@code stop} says so. */
    static Listener stoppingWhen(BooleanSupplier stop) {
        return new Listener() {
            @Override
            public boolean cancelled() {
                return stop.getAsBoolean();
            }
        };
    }
}
