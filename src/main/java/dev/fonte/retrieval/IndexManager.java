package dev.fonte.retrieval;

import dev.fonte.corpus.CorpusConfiguration;
import dev.fonte.corpus.CorpusException;
import dev.fonte.corpus.translation.CorpusTranslation;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Owns the index on disk and the version of it being served. At start it opens what is there (checksums verified, the
 * build record compared with this process: a damaged or foreign index is rebuilt, never trusted) and serves it at once,
 * then brings it up to date with the corpus folder in the background; a first build of a large corpus is served from
 * BM25 alone while the vectors are computed. A read-only instance never writes: it serves what another instance or the
 * {@code index} command committed, and follows their new commits. All of this runs on one managed executor thread
 * ({@value #WORKER}); a replaced version is closed once the questions still running on it are done.
 */
@Singleton
public class IndexManager {

    /** The executor thread that opens, updates and follows the index (application.yml: one thread). */
    public static final String WORKER = "fonte-index";
    /** The executor that links the vectors of merged segments into one graph (application.yml: the cores). */
    public static final String MERGER = "fonte-merge";

    private static final Logger LOG = LoggerFactory.getLogger(IndexManager.class);

    private final CorpusConfiguration corpus;
    private final RetrievalConfiguration retrieval;
    private final IndexConfiguration config;
    private final BeanProvider<EmbeddingModel> embeddingModel;
    private final ExecutorService worker;
    private final ExecutorService embedding;
    private final ExecutorService merging;
    private final TaskScheduler scheduler;
    private final ProcessExit exit;
    private final CorpusTranslation translations;
    private final Path corpusFolder;
    private final Path indexFolder;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final Object statusChange = new Object();

    private volatile PassageIndex current;
    private volatile IndexStatus status = IndexStatus.starting();
    private volatile boolean stopping;
    /** Touched on the worker thread only. */
    private IndexFolder folder;
    private Indexer indexer;
    private EmbeddingModel model;
    private boolean modelResolved;
    private String glossaryKey;
    private SynonymMap glossary;
    private String lastWarning;
    private volatile Indexer.Summary lastSummary;

    public IndexManager(CorpusConfiguration corpus, RetrievalConfiguration retrieval, IndexConfiguration config,
                        BeanProvider<EmbeddingModel> embeddingModel, @Named(WORKER) ExecutorService worker,
                        @Named(EmbeddingModelFactory.EXECUTOR) ExecutorService embedding,
                        @Named(MERGER) ExecutorService merging, TaskScheduler scheduler, ProcessExit exit,
                        CorpusTranslation translations) {
        this.corpus = corpus;
        this.retrieval = retrieval;
        this.config = config;
        this.embeddingModel = embeddingModel;
        this.worker = worker;
        this.embedding = embedding;
        this.merging = merging;
        this.scheduler = scheduler;
        this.exit = exit;
        this.translations = translations;
        this.corpusFolder = Path.of(corpus.path());
        this.indexFolder = config.folder(corpusFolder);
    }

    /**
     * Opens the index and, unless read-only, brings it up to date with the corpus folder, in the background; a
     * read-only instance then looks for new commits every {@code poll-every}. Called once at start-up.
     */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        LOG.info("Index folder: {}{}", indexFolder.toAbsolutePath(), config.readOnly() ? " (read-only)" : "");
        submit(true, true);
        if (config.readOnly()) {
            scheduler.scheduleWithFixedDelay(config.pollEvery(), config.pollEvery(), () -> {
                if (!stopping) {
                    submit(false, false);
                }
            });
        }
    }

    /**
     * Brings the index up to date with the corpus folder in the background (a read-only instance looks for a newer
     * commit instead); false when one is already waiting to run.
     */
    public boolean update() {
        return submit(false, true);
    }

    /**
     * Queues one step of the worker: open the folder when it is not yet, then update the index (a writer) or serve
     * its newest usable commit (a read-only instance); false when one is already waiting to run.
     *
     * @param atStart  the first step: an Error in it ends the process
     * @param reported whether the status says an update is under way (not for a read-only instance's polls)
     */
    private boolean submit(boolean atStart, boolean reported) {
        if (!queued.compareAndSet(false, true)) {
            return false;
        }
        if (reported) {
            setStatus(status.updating(true));
        }
        worker.execute(() -> run(() -> {
            queued.set(false);
            if (folder == null) {
                open();
            }
            if (config.readOnly()) {
                follow();
            } else {
                update(Indexer.stoppingWhen(() -> stopping));
            }
        }, atStart));
        return true;
    }

    /**
     * Builds or updates the index now, on the calling thread, and closes it: the {@code index} command.
     *
     * @throws IOException when the index folder cannot be written
     */
    Indexer.Summary buildNow(Indexer.Listener listener) throws IOException {
        open();
        try {
            return update(listener);
        } finally {
            close();
        }
    }

    /**
     * After an update that wrote a large share of the documents (a first build), merges the index into at most
     * {@code merge-segments} segments, and commits: every search of a question (BM25 over the corpus, within each
     * of its nearest documents, the nearest vectors) pays Lucene's costs once per segment, and a build leaves a
     * dozen (the vectors committed every minute are a segment each). A small update is not followed by a merge: it
     * would rewrite the whole index. The version served meanwhile stays served.
     */
    private void merge(Indexer.Summary summary, Indexer.Listener listener) throws IOException {
        int written = summary.added() + summary.changed() + summary.removed();
        if (config.mergeSegments() == 0 || written == 0 || written < config.mergeShare() * summary.documents()
                || listener.cancelled()) {
            return;
        }
        IndexWriter writer = writer();
        int segments;
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            segments = reader.leaves().size();
        }
        if (segments <= config.mergeSegments()) {
            return;
        }
        listener.step("merge", segments);
        writer.forceMerge(config.mergeSegments());
        // the commit keeps the user data of the update's last commit: the writer holds it
        writer.commit();
        listener.progress(segments);
    }

    private IndexWriter writer() throws IOException {
        return folder.writer(IndexDocuments.writerConfig(config.hnswM(), config.hnswBeamWidth(), config.ramBufferMb(),
                merging));
    }

    /** The version being served; refused at once with the reason while there is none. */
    public PassageIndex current() {
        PassageIndex index = current;
        if (index == null) {
            IndexStatus s = status;
            throw new IndexNotReadyException(s.reason() != null ? s.reason() : "the index is not ready yet");
        }
        return index;
    }

    public boolean isReady() {
        return current != null;
    }

    public IndexStatus status() {
        return status;
    }

    public Instant builtAt() {
        return status.builtAt();
    }

    /** What the last update that succeeded did, if one did. */
    Optional<Indexer.Summary> lastSummary() {
        return Optional.ofNullable(lastSummary);
    }

    /** The folder the index lives in. */
    public Path folder() {
        return indexFolder;
    }

    /**
     * Waits until the index is served whole (vectors included) with no update under way: for tools, tests and
     * benchmarks. False when that did not happen in time, or the index failed.
     */
    public boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (statusChange) {
            while (true) {
                IndexStatus s = status;
                if (s.phase() == IndexStatus.Phase.FAILED && !s.updating() && !queued.get()) {
                    return false;
                }
                boolean whole = s.phase() == IndexStatus.Phase.READY || s.phase() == IndexStatus.Phase.EMPTY
                        || s.phase() == IndexStatus.Phase.BM25 && config.readOnly();
                if (whole && !s.updating() && !queued.get()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    statusChange.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    private void setStatus(IndexStatus next) {
        synchronized (statusChange) {
            status = next;
            statusChange.notifyAll();
        }
    }

    /** Runs a task of the worker: whatever it throws is reported, and an Error at start ends the process. */
    private void run(Task task, boolean atStart) {
        try {
            task.run();
        } catch (Throwable t) {
            failed(t, atStart);
        } finally {
            if (!queued.get() && status.updating()) {
                setStatus(status.updating(false));
            }
        }
    }

    @FunctionalInterface
    private interface Task {
        void run() throws Exception;
    }

    private void failed(Throwable thrown, boolean atStart) {
        Throwable t = thrown;
        if (folder != null && folder.tragedy() != null) {
            t = folder.tragedy();
        }
        if (folder != null) {
            folder.rollback();
        }
        String reason = describe(t);
        if (t instanceof CancellationException) {
            LOG.info("Index update stopped");
            setStatus(status.updating(false));
            return;
        }
        if (t instanceof Error) {
            LOG.error("The index build failed: {}", reason, t);
            setStatus(status.updating(false).with(IndexStatus.Phase.FAILED, reason).failed(reason));
            if (atStart) {
                LOG.error("Stopping the process: the index could not be built at start ({})", reason);
                scheduler.schedule(Duration.ZERO, () -> exit.exit(1));
            }
            return;
        }
        LOG.warn("The index update failed: {}", t.toString());
        IndexStatus s = status.updating(false).failed(reason);
        setStatus(current == null ? s.with(IndexStatus.Phase.FAILED, "the index could not be built: " + reason) : s);
    }

    /** Why a build failed, for readiness and the admin API: no path of this machine in it. */
    private String describe(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "the index build ran out of memory (give the server more heap)";
        }
        if (t instanceof LockObtainFailedException) {
            return "another process is writing the index";
        }
        if (t instanceof DamagedIndexException || t instanceof CorpusException
                || t instanceof Embedder.InvalidVectorException) {
            return redact(t.getMessage());
        }
        if (t instanceof IOException) {
            return "the index folder cannot be read or written (" + t.getClass().getSimpleName() + ")";
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + redact(t.getMessage()));
    }

    private String redact(String message) {
        return message == null ? "" : message
                .replace(corpusFolder.toAbsolutePath().toString(), "<corpus folder>")
                .replace(indexFolder.toAbsolutePath().toString(), "<index folder>");
    }

    /** Opens the folder; a writer serves what it holds at once, or deletes it when it cannot be trusted. */
    private void open() throws IOException {
        if (folder == null) {
            folder = IndexFolder.open(indexFolder, !config.readOnly());
        }
        if (config.readOnly() || !folder.hasCommit()) {
            return;
        }
        try {
            serveLatest(true);
        } catch (DamagedIndexException e) {
            LOG.warn("The index in {} is not used ({}): it is built again", indexFolder, e.getMessage());
            folder.wipe();
        }
    }

    /** A read-only instance: serves the latest commit when there is a newer, usable one. */
    private void follow() throws IOException {
        if (!folder.hasCommit()) {
            if (current == null) {
                setStatus(status.with(IndexStatus.Phase.WAITING,
                        "no index has been built in the index folder yet (the index command builds one)"));
            }
            return;
        }
        try {
            serveLatest(current == null || !current.dense());
            lastWarning = null;
        } catch (DamagedIndexException e) {
            if (!e.getMessage().equals(lastWarning)) {
                LOG.warn("The index in {} cannot be served: {}", indexFolder, e.getMessage());
                lastWarning = e.getMessage();
            }
            if (current == null) {
                setStatus(status.with(IndexStatus.Phase.FAILED, e.getMessage()));
            }
        }
    }

    /** Brings the index up to date with the corpus folder (the worker thread or the index command). */
    private Indexer.Summary update(Indexer.Listener outer) throws IOException {
        IndexWriter writer = writer();
        Map<String, String> last = folder.hasCommit() ? folder.lastCommitData() : Map.of();
        setStatus(status.updating(true));
        if (current == null) {
            setStatus(status.with(IndexStatus.Phase.BUILDING, "the index is being built"));
        }
        Indexer.Summary summary = indexer().update(writer, last, corpusFolder, new Indexer.Listener() {
            private String step = "";
            private long total;

            @Override
            public void step(String what, long total) {
                outer.step(what, total);
                this.step = what;
                this.total = total;
                if (what.equals("vectors")) {
                    setStatus(status.progress(0, total));
                }
            }

            @Override
            public void progress(long done) {
                outer.progress(done);
                if (step.equals("vectors")) {
                    setStatus(status.progress(done, total));
                    if (status.phase() == IndexStatus.Phase.BM25) {
                        setStatus(status.with(IndexStatus.Phase.BM25, vectorsReason(done, total)));
                    }
                } else if (current == null) {
                    setStatus(status.with(IndexStatus.Phase.BUILDING,
                            "the index is being built: " + done + " of " + total + " documents read"));
                }
            }

            @Override
            public void textsCommitted(long pendingVectors) {
                outer.textsCommitted(pendingVectors);
                boolean nothingWhole = current == null || !current.dense();
                if (pendingVectors == 0
                        || nothingWhole && (current != null || pendingVectors > config.bm25FirstAbove())) {
                    rethrowing(() -> serveLatest(true));
                }
            }

            @Override
            public boolean cancelled() {
                return outer.cancelled();
            }
        });
        merge(summary, outer);
        serveLatest(true);
        lastSummary = summary;
        setStatus(status.updating(false).failed(null).progress(0, 0));
        return summary;
    }

    private static String vectorsReason(long done, long total) {
        return "answering from BM25 alone while the sentence vectors are computed: " + done + " of " + total;
    }

    private void rethrowing(Task task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new DamagedIndexException("the index just written cannot be read: " + e.getMessage(), e);
        }
    }

    private Indexer indexer() {
        if (indexer == null) {
            indexer = new Indexer(corpus, config, model(), embedding,
                    translations.active() ? translations::stored : null);
        }
        return indexer;
    }

    /** The embedding model, or null when dense retrieval is off; resolved on the worker, not at start-up. */
    private EmbeddingModel model() {
        if (!modelResolved) {
            model = retrieval.dense() && embeddingModel.isPresent() ? embeddingModel.get() : null;
            modelResolved = true;
        }
        return model;
    }

    /**
     * Serves the latest commit when it is newer than the served one and can be read: a damaged or foreign one is
     * refused with {@link DamagedIndexException}.
     *
     * @param acceptPending whether a commit whose vectors are still pending may replace the served version
     */
    private void serveLatest(boolean acceptPending) throws IOException {
        SearcherManager searchers;
        IndexSearcher searcher;
        try {
            searchers = folder.searchers();
            searchers.maybeRefreshBlocking();
            searcher = searchers.acquire();
        } catch (IOException | RuntimeException e) {
            throw new DamagedIndexException("the index is damaged (" + e.getClass().getSimpleName() + ": "
                    + redact(e.getMessage()) + ")", e);
        }
        PassageIndex served = current;
        if (served != null && served.searcher().getIndexReader() == searcher.getIndexReader()) {
            searchers.release(searcher);
            return;
        }
        Map<String, String> data;
        try {
            data = ((DirectoryReader) searcher.getIndexReader()).getIndexCommit().getUserData();
            Optional<String> foreign = config.readOnly()
                    ? CommitData.readable(data, searcher)
                    : CommitData.incompatibility(data, indexer().ingest(), searcher);
            if (foreign.isPresent()) {
                throw new DamagedIndexException("the index cannot be used: " + foreign.get());
            }
        } catch (RuntimeException | IOException e) {
            searchers.release(searcher);
            throw e instanceof DamagedIndexException d ? d : new DamagedIndexException("the index cannot be read: "
                    + e.getClass().getSimpleName(), e);
        }
        EmbeddingModel m = model();
        boolean whole = m != null && CommitData.VECTORS_COMPLETE.equals(data.get(CommitData.VECTORS))
                && ModelIdentity.of(m).equals(data.get(CommitData.MODEL));
        if (m != null && !whole && !acceptPending && served != null) {
            searchers.release(searcher);
            return;
        }
        SearcherManager owner = searchers;
        PassageIndex index = new PassageIndex(searcher, () -> owner.release(searcher), synonyms(data, searcher),
                retrieval.contextWeight(), m, whole,
                new PassageIndex.Caches(config.cacheSizes(), retrieval.cacheSize()));
        swap(index, data, m != null && !whole);
    }

    /** The glossary of a commit and the short forms its documents define, parsed again only when they changed. */
    private SynonymMap synonyms(Map<String, String> data, IndexSearcher searcher) {
        Map<String, String> files = CommitData.glossary(data);
        List<String> aliases = IndexedCorpus.aliases(searcher);
        String key = files + "\n" + aliases;
        if (!Objects.equals(key, glossaryKey)) {
            glossary = Glossary.parse(files, aliases);
            glossaryKey = key;
        }
        return glossary;
    }

    /** Serves {@code index} from now on; the replaced version is closed once its questions had time to finish. */
    private void swap(PassageIndex index, Map<String, String> data, boolean vectorsMissing) {
        PassageIndex old = current;
        current = index;
        Instant built = Optional.ofNullable(data.get(CommitData.BUILT)).map(Instant::parse).orElse(Instant.now());
        int documents = index.corpus().size();
        IndexStatus.Phase phase;
        String reason = null;
        if (documents == 0) {
            phase = IndexStatus.Phase.EMPTY;
            reason = "the corpus has no documents: every question is refused";
            LOG.warn("The corpus {} has no documents: every question will be refused", corpusFolder.toAbsolutePath());
        } else if (vectorsMissing) {
            phase = IndexStatus.Phase.BM25;
            reason = status.updating() ? vectorsReason(status.vectorsDone(), status.vectorsTotal())
                    : "answering from BM25 alone: the index has no complete vectors of this embedding model";
        } else {
            phase = IndexStatus.Phase.READY;
        }
        setStatus(status.serving(phase, reason, documents, index.size(), built));
        LOG.info("Serving the index committed at {}: {} document(s), {} sentences{}", built, documents, index.size(),
                phase == IndexStatus.Phase.BM25 ? " (BM25 alone until the vectors are complete)" : "");
        if (old != null) {
            scheduler.schedule(config.retireAfter(), () -> closeQuietly(old));
        }
        if (started.get() && !config.readOnly()) {
            // machine renderings the corpus lacks are made in the background, then indexed by an update; the pass
            // reads whichever version is served by then
            translations.served(() -> current().corpus(), this::update);
        }
    }

    private static void closeQuietly(PassageIndex index) {
        try {
            index.close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing a replaced index: {}", e.toString());
        }
    }

    /** Stops the worker's update at its next step, then gives the index's files back. */
    @PreDestroy
    void close() {
        stopping = true;
        Future<?> closing = worker.isShutdown() ? null : worker.submit(this::closeNow);
        if (closing != null) {
            try {
                closing.get(10, TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                LOG.debug("closing the index: {}", e.toString());
            }
        }
        closeNow();
    }

    private synchronized void closeNow() {
        PassageIndex index = current;
        if (index != null) {
            closeQuietly(index);
        }
        if (folder != null) {
            try {
                folder.close();
            } catch (IOException | RuntimeException e) {
                LOG.debug("closing the index folder: {}", e.toString());
            }
            folder = null;
        }
    }
}
