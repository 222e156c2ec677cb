package dev.fonte.retrieval;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.CorpusConfiguration;
import dev.fonte.corpus.CorpusLoader;
import dev.fonte.corpus.translation.CorpusTranslation;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Owns the current {@link PassageIndex}: builds the first one in the background at start-up (readiness stays down
 * until it is there) and swaps in a rebuilt one atomically, so readers always see a whole index.
 */
@Context
public class IndexManager {

    private static final Logger LOG = LoggerFactory.getLogger(IndexManager.class);

    private final CorpusConfiguration corpusConfiguration;
    private final RetrievalConfiguration configuration;
    private final CompletableFuture<PassageIndex> first = new CompletableFuture<>();
    private volatile PassageIndex current;
    private volatile Instant builtAt;

    private final BeanProvider<EmbeddingModel> embeddingModel;
    private final CorpusTranslation translations;

    /** The embedding model is resolved on the build thread: loading it must not hold up the server's start. */
    public IndexManager(CorpusConfiguration corpusConfiguration, RetrievalConfiguration configuration,
                        BeanProvider<EmbeddingModel> embeddingModel, CorpusTranslation translations) {
        this.corpusConfiguration = corpusConfiguration;
        this.configuration = configuration;
        this.embeddingModel = embeddingModel;
        this.translations = translations;
    }

    @PostConstruct
    void start() {
        Thread builder = new Thread(() -> {
            try {
                PassageIndex index = build();
                warmUp(index);
                swap(index);
                index.embedder().saveStore();
                embedVocabulary(index);
                first.complete(index);
            } catch (RuntimeException e) {
                LOG.error("The first index build failed: {}", e.getMessage());
                first.completeExceptionally(e);
            }
        }, "fonte-index-build");
        builder.setDaemon(true);
        builder.start();
    }

    /** Builds an index from the corpus folder as it is now, without touching the one being served. */
    public PassageIndex build() {
        long t0 = System.nanoTime();
        Path folder = Path.of(corpusConfiguration.path());
        CorpusLoader.Result loaded = new CorpusLoader(corpusConfiguration.chrome()).load(folder);
        Corpus corpus = translations.withStored(loaded.corpus());
        // a fresh embedder per index: cached vectors never outlive the corpus they were computed for
        EmbeddingModel model = configuration.dense() && embeddingModel.isPresent() ? embeddingModel.get() : null;
        Embedder embedder = new Embedder(model, configuration.cacheSize(), vectorStore(model));
        PassageIndex index = PassageIndex.build(corpus, Glossary.load(folder, corpus), configuration.contextWeight(),
                embedder);
        LOG.info("Index ready: {} sentences from {} document(s) in {} ms", index.size(),
                corpus.documents().size(), (System.nanoTime() - t0) / 1_000_000);
        return index;
    }

    /** The vectors of corpus texts kept between starts: for the bundled model only, whose identity is known. */
    private VectorStore vectorStore(EmbeddingModel model) {
        if (model == null || model.getClass() != AllMiniLmL6V2QuantizedEmbeddingModel.class) {
            return VectorStore.none();
        }
        return VectorStore.open(configuration.vectorCacheFolder(), VectorStore.miniLmIdentity(model.getClass().getClassLoader()));
    }

    /** One search of each kind before readiness, so the first real question does not pay for class loading. */
    private static void warmUp(PassageIndex index) {
        for (var doc : index.corpus().documents()) {
            index.embedder().embedCorpusText(doc.title());
            index.searchLexical(doc.title(), doc.language(), 1);
            index.searchDense(doc.title(), doc.language(), 1);
        }
    }

    /**
     * Embeds every word of the corpus once, after the index is served (readiness does not wait for it): the answer
     * model compares question words with sentence words, and the first questions should not pay for that.
     */
    public static void embedVocabulary(PassageIndex index) {
        if (!index.embedder().enabled()) {
            return;
        }
        java.util.Set<String> words = new java.util.HashSet<>();
        for (var sentence : index.corpus().sentences()) {
            for (String w : sentence.text().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}]+")) {
                if (w.length() >= 3) {
                    words.add(w);
                }
            }
        }
        words.forEach(index.embedder()::embedCorpusText);
        index.embedder().saveStore();
        LOG.info("Embedded {} corpus words", words.size());
    }

    /**
     * Serves {@code index} from now on. The previous one is not closed: questions that started on it finish on it,
     * and being in memory only (no files, no locks), it is reclaimed by the garbage collector with its caches.
     */
    public synchronized void swap(PassageIndex index) {
        // machine renderings the corpus lacks are made in the background, then served by a rebuild
        translations.served(index.corpus(), () -> {
            PassageIndex rebuilt = build();
            swap(rebuilt);
            embedVocabulary(rebuilt);
        });
        current = index;
        builtAt = Instant.now();
    }

    public boolean isReady() {
        return current != null;
    }

    public Instant builtAt() {
        return builtAt;
    }

    /** The index being served, waiting up to the configured time for the first build. */
    public PassageIndex current() {
        PassageIndex index = current;
        if (index != null) {
            return index;
        }
        try {
            return first.get(configuration.readyTimeout(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IndexNotReadyException("the index is still being built");
        } catch (ExecutionException e) {
            throw new IndexNotReadyException("the index could not be built: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexNotReadyException("interrupted while waiting for the index");
        }
    }

    /** Waits for the first build (for benchmarks and tools); false when it did not complete in time. */
    public boolean awaitReady(Duration timeout) {
        try {
            first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        PassageIndex index = current;
        if (index != null) {
            try {
                index.close();
            } catch (IOException e) {
                LOG.debug("closing the index on shutdown: {}", e.getMessage());
            }
        }
    }
}
