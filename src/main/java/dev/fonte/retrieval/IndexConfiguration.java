package dev.fonte.retrieval;

import dev.fonte.corpus.CacheFolders;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The index on disk: where it lives, who writes it, and how it is built.
 *
 * @param path            the index folder; empty: a folder of {@code home} named after the corpus folder
 * @param home            where indexes go when {@code path} is empty; empty: {@code $XDG_CACHE_HOME/fonte}, else
 *                        {@code ~/.cache/fonte} (the user's own, created readable by the user only)
 * @param readOnly        this instance only reads the index (built by the {@code index} command or another instance)
 *                        and follows what is committed to it; it never writes. Several replicas share one index so
 * @param retireAfter     how long a replaced version of the index stays open for the questions still running on it
 * @param pollEvery       how often a read-only instance looks for a newer commit of the index
 * @param bm25FirstAbove  a first build that has more texts than this to embed is served from BM25 alone while the
 *                        vectors are computed (readiness says so), then from both without a restart
 * @param embedBatch      texts handed to the embedding model at once (spread over the embedding executor's threads)
 * @param commitEvery     while vectors are computed, how often what is done is committed (a restart resumes there)
 * @param ramBufferMb     memory the index writer fills before it writes a segment
 * @param hnswM           links per vector in the nearest-neighbour graph (Lucene's default 16)
 * @param hnswBeamWidth   candidates considered when a vector is linked into the graph (Lucene's default 100)
 * @param mergeSegments   the most segments an update that wrote at least {@code mergeShare} of the documents (a first
 *                        build) leaves: every search of a question pays Lucene's costs once per segment. 0: never
 *                        merge
 * @param mergeShare      the share of the documents an update must write (add, change or remove) to be followed by a
 *                        merge: merging rewrites the whole index, which a small update should not pay
 * @param documentCacheChars characters of document text kept in memory per index version
 * @param passageCache    passages kept in memory per index version
 * @param listCache       lists of passages (a document's paragraphs, a paragraph's sentences) kept per index version
 */
@ConfigurationProperties(IndexConfiguration.PREFIX)
public record IndexConfiguration(
        @Nullable String path,
        @Nullable String home,
        @Bindable(defaultValue = "false") boolean readOnly,
        @NotNull @Bindable(defaultValue = "30s") Duration retireAfter,
        @NotNull @Bindable(defaultValue = "5s") Duration pollEvery,
        @Min(0) @Bindable(defaultValue = "5000") int bm25FirstAbove,
        @Min(1) @Max(10_000) @Bindable(defaultValue = "256") int embedBatch,
        @NotNull @Bindable(defaultValue = "60s") Duration commitEvery,
        @Min(4) @Max(2048) @Bindable(defaultValue = "64") int ramBufferMb,
        @Min(2) @Max(512) @Bindable(defaultValue = "16") int hnswM,
        @Min(8) @Max(3200) @Bindable(defaultValue = "100") int hnswBeamWidth,
        @Min(0) @Bindable(defaultValue = "1") int mergeSegments,
        @DecimalMin("0") @DecimalMax("1") @Bindable(defaultValue = "0.2") double mergeShare,
        @Min(10_000) @Bindable(defaultValue = "4000000") long documentCacheChars,
        @Min(100) @Bindable(defaultValue = "20000") long passageCache,
        @Min(100) @Bindable(defaultValue = "2000") long listCache) {

    public static final String PREFIX = "fonte.index";

    /** The index folder of a corpus folder. */
    public Path folder(Path corpus) {
        if (path != null && !path.isBlank()) {
            return Path.of(path.trim());
        }
        String absolute = corpus.toAbsolutePath().normalize().toString();
        String name = corpus.toAbsolutePath().normalize().getFileName() + "-"
                + ContentHash.of(absolute.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        return homeFolder().resolve("index").resolve(name);
    }

    private Path homeFolder() {
        if (home != null && !home.isBlank()) {
            return Path.of(home.trim());
        }
        return CacheFolders.home();
    }

    IndexedCorpus.CacheSizes cacheSizes() {
        return new IndexedCorpus.CacheSizes(documentCacheChars, passageCache, listCache);
    }
}
