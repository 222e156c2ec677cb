package dev.fonte.retrieval;

import dev.fonte.corpus.CorpusConfiguration;
import dev.fonte.corpus.CorpusLoader;
import ch.qos.logback.classic.Level;
import io.micronaut.context.ApplicationContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code java -jar fonte.jar index --corpus DIR --index DIR}: builds the index of a corpus folder offline, or brings an
 * existing one up to date (only changed documents are read again), so that servers open a ready-made index (a shared
 * volume, a copied folder) and start in seconds whatever the corpus size. The same code as the server's own build,
 * with the application's configuration. Shows a progress bar on a terminal and a summary at the end.
 */
public final class IndexCommand {

    /** The command's name, the first argument of the jar. */
    public static final String NAME = "index";
    /** The environment the command runs the application context in: the server's start-up beans stay off. */
    public static final String ENVIRONMENT = "index-command";

    private static final String USAGE = """
            usage: java -jar fonte.jar index [--corpus DIR] [--index DIR]
              --corpus DIR  the corpus folder (default: FONTE_CORPUS_PATH, else ./corpus)
              --index DIR   the index folder (default: FONTE_INDEX_PATH, else a folder of ~/.cache/fonte)
            Builds the index, or updates it to the corpus folder; servers started with FONTE_INDEX_PATH on the same
            folder open it as it is (FONTE_INDEX_READ_ONLY=true: they only read it, and follow its updates).""";

    private IndexCommand() {
    }

    /** Runs the command; returns the process's exit status (0 done, 1 failed, 2 bad arguments). */
    public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                out.println(USAGE);
                return 0;
            }
            if (!(option.equals("--corpus") || option.equals("--index")) || i + 1 >= args.length) {
                err.println(USAGE);
                return 2;
            }
            String value = args[++i];
            properties.put(option.equals("--corpus") ? CorpusConfiguration.PREFIX + ".path"
                    : IndexConfiguration.PREFIX + ".path", value);
        }
        properties.put(IndexConfiguration.PREFIX + ".read-only", false);
        // the command reports for itself: only problems are logged, from the start on
        properties.put("logger.levels.ROOT", "WARN");
        ch.qos.logback.classic.Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger r ? r : null;
        Level before = root == null ? null : root.getLevel();
        if (root != null) {
            root.setLevel(Level.WARN);
        }
        Preload.start(new String[0]);
        try (ApplicationContext context = ApplicationContext.builder().environments(ENVIRONMENT)
                .properties(properties).start()) {
            IndexManager indexes = context.getBean(IndexManager.class);
            Path corpus = Path.of(context.getBean(CorpusConfiguration.class).path());
            out.printf("Indexing %s into %s%n", corpus.toAbsolutePath(), indexes.folder().toAbsolutePath());
            Progress progress = new Progress(out, terminal);
            long started = System.nanoTime();
            Indexer.Summary summary = indexes.buildNow(progress);
            progress.end();
            // the whole build, the merge after the update included (the summary's own time ends before it)
            print(out, summary, indexes.folder(), Duration.ofNanos(System.nanoTime() - started));
            out.println("  " + progress.timings());
            return 0;
        } catch (Exception | Error e) {
            err.println("The index could not be built: " + e.getMessage());
            return 1;
        } finally {
            // a caller that goes on in the same JVM (a test) logs as it did before
            if (root != null) {
                root.setLevel(before);
            }
        }
    }

    private static void print(PrintStream out, Indexer.Summary s, Path folder, Duration took) {
        out.printf(Locale.ROOT, "Done in %.1f s%n", took.toMillis() / 1000.0);
        out.printf(Locale.ROOT, "  documents: %d (%d added, %d changed, %d removed, %d unchanged), %d skipped%n",
                s.documents(), s.added(), s.changed(), s.removed(), s.unchanged(), s.skipped().size());
        out.printf(Locale.ROOT, "  sentences: %d; vectors computed: %d sentences, %d words%n",
                s.sentences(), s.vectors(), s.words());
        out.printf(Locale.ROOT, "  index: %s, %.1f MB in %d segment(s)%n", folder.toAbsolutePath(), size(folder) / 1e6,
                segments(folder));
        for (CorpusLoader.Skipped skipped : s.skipped()) {
            out.printf("  skipped %s: %s%n", skipped.file().getFileName(), skipped.reason());
        }
    }

    private static long size(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The segments of the index's latest commit (each search of a question pays its costs once per segment). */
    private static int segments(Path folder) {
        try (Directory directory = FSDirectory.open(folder)) {
            return SegmentInfos.readLatestCommit(directory).size();
        } catch (IOException e) {
            return 0;
        }
    }

    /** A progress bar redrawn in place on a terminal; a line now and then otherwise (a log file, a CI console). */
    static final class Progress implements Indexer.Listener {
        private static final int WIDTH = 30;
        private static final long REDRAW_NANOS = 100_000_000L;
        private static final long LINE_NANOS = 10_000_000_000L;

        private final PrintStream out;
        private final boolean terminal;
        private final Map<String, Long> took = new LinkedHashMap<>();
        private final Map<String, Long> cpu = new LinkedHashMap<>();
        private String step;
        private long total;
        private long last;
        private long started;
        private long startedCpu;
        private boolean open;

        Progress(PrintStream out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public void step(String what, long total) {
            end();
            this.started = System.nanoTime();
            this.startedCpu = processCpuNanos();
            this.step = what;
            this.total = total;
            this.last = 0;
            draw(0, true);
        }

        @Override
        public void progress(long done) {
            draw(done, done >= total);
        }

        @Override
        public void textsCommitted(long pendingVectors) {
            end();
        }

        private void draw(long done, boolean force) {
            long now = System.nanoTime();
            if (!force && now - last < (terminal ? REDRAW_NANOS : LINE_NANOS)) {
                return;
            }
            last = now;
            int filled = total == 0 ? WIDTH : (int) (WIDTH * Math.min(done, total) / total);
            String line = String.format(Locale.ROOT, "%-9s [%s%s] %3d%% %d/%d", step, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), total == 0 ? 100 : 100 * Math.min(done, total) / total, done, total);
            if (terminal) {
                out.print("\r" + line);
                open = true;
            } else {
                out.println(line);
            }
            out.flush();
        }

        void end() {
            if (step != null && !took.containsKey(step)) {
                took.put(step, System.nanoTime() - started);
                cpu.put(step, startedCpu < 0 ? -1 : processCpuNanos() - startedCpu);
            }
            if (open) {
                out.println();
                open = false;
            }
        }

        /**
         * How long each step took, and the processor time the process spent in it (on a machine shared with other
         * work, the time alone says little).
         */
        String timings() {
            StringBuilder s = new StringBuilder("steps:");
            took.forEach((what, nanos) -> s.append(String.format(Locale.ROOT, " %s %.1f s", what, nanos / 1e9))
                    .append(cpu.get(what) < 0 ? "" : String.format(Locale.ROOT, " (CPU %.1f s)", cpu.get(what) / 1e9))
                    .append(','));
            return s.substring(0, s.length() - 1);
        }

        /** The processor time of the whole process so far, or -1 where the JVM does not tell it. */
        private static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : -1;
        }
    }
}
