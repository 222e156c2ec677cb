package dev.fonte.ops;

import dev.fonte.corpus.CorpusConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;

/**
 * Off by default ({@code fonte.corpus.watch: true} turns it on): re-indexes when a file of the corpus folder is
 * added, changed or removed, once the folder has been quiet for a second (a copy of several files is one re-index).
 */
@Context
@Requires(property = CorpusConfiguration.PREFIX + ".watch", value = "true")
public class CorpusWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);
    private static final long QUIET_MS = 1000;

    private final WatchService watcher;

    public CorpusWatcher(CorpusConfiguration corpus, Reindexer reindexer) throws IOException {
        Path folder = Path.of(corpus.path());
        this.watcher = FileSystems.getDefault().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        Thread thread = new Thread(() -> watch(reindexer), "fonte-corpus-watch");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Watching {} for changes", folder.toAbsolutePath());
    }

    private void watch(Reindexer reindexer) {
        try {
            while (true) {
                WatchKey key = watcher.take();
                key.pollEvents();
                key.reset();
                // debounce: wait until nothing more happens for a while
                WatchKey more;
                while ((more = watcher.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                LOG.info("The corpus folder changed: re-indexing");
                reindexer.start();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            LOG.debug("corpus watcher closed");
        }
    }

    @PreDestroy
    void close() throws IOException {
        watcher.close();
    }
}
