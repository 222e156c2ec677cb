package dev.fonte.ops;

import dev.fonte.corpus.CorpusConfiguration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.TaskScheduler;
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
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

/**
 * Off by default ({@code fonte.corpus.watch: true} turns it on): re-indexes when a file of the corpus folder is
 * added, changed or removed, once the folder has been quiet for a second (a copy of several files is one re-index).
 * Looks at the folder's events once a second on the application's scheduler: no thread of its own.
 */
@Context
@Requires(property = CorpusConfiguration.PREFIX + ".watch", value = "true")
public class CorpusWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusWatcher.class);
    private static final Duration QUIET = Duration.ofSeconds(1);

    private final WatchService watcher;
    private final Reindexer reindexer;
    private final ScheduledFuture<?> task;
    private boolean changed;

    public CorpusWatcher(CorpusConfiguration corpus, Reindexer reindexer, TaskScheduler scheduler) throws IOException {
        Path folder = Path.of(corpus.path());
        this.reindexer = reindexer;
        this.watcher = FileSystems.getDefault().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.task = scheduler.scheduleWithFixedDelay(QUIET, QUIET, this::look);
        LOG.info("Watching {} for changes", folder.toAbsolutePath());
    }

    /** Re-indexes once a second went by without events after some (debounce). */
    private synchronized void look() {
        try {
            boolean events = false;
            for (WatchKey key = watcher.poll(); key != null; key = watcher.poll()) {
                events |= !key.pollEvents().isEmpty();
                key.reset();
            }
            if (events) {
                changed = true;
            } else if (changed) {
                changed = false;
                LOG.info("The corpus folder changed: re-indexing");
                reindexer.start();
            }
        } catch (ClosedWatchServiceException e) {
            LOG.debug("corpus watcher closed");
        }
    }

    @PreDestroy
    void close() throws IOException {
        task.cancel(false);
        watcher.close();
    }
}
