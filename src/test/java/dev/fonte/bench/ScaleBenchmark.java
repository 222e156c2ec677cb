package dev.fonte.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scale benchmark: for synthetic news corpora of 10, 1000 and 5000 documents ({@link NewsCorpus}), the packaged
 * jar's figures at each size:
 * <ul>
 *   <li>indexing cold with the {@code index} command (its steps: texts, then vectors), and its peak memory;</li>
 *   <li>a server started on a folder with no index: the time to readiness (from BM25 alone above
 *   {@code bm25-first-above}) and to the whole index, vectors included;</li>
 *   <li>a server started on the existing index: the time to readiness, its resident memory (anonymous and mapped),
 *   the index size;</li>
 *   <li>uncached questions (the answer cache is off, and no question is asked twice): p50 and p95 of the answer
 *   time over HTTP, and the planted facts answered right (the answer has the fact's figure and cites its
 *   document);</li>
 *   <li>one changed document re-indexed through {@code POST /api/admin/reindex}, five times: the time of each, and the
 *   live heap (after a full collection) after the first and after the fifth;</li>
 * </ul>
 * then a 500 KB text indexed as paragraphs and as one paragraph with no blank line.
 *
 * <p>Run: {@code ./mvnw -q -Pscale package -DskipTests} (src/docs/BENCHMARK.md). System properties:
 * {@code scale.sizes} (default {@code 10,1000,5000}), {@code scale.coldServer} ({@code false} skips the cold server
 * start, which indexes everything a second time), {@code scale.reuse} ({@code true} keeps the indexes of an earlier
 * run: the "cold" figure is then an update), {@code scale.warmup} (questions asked before the measured ones, default
 * 600), {@code scale.warmupKind} ({@code varied} or {@code numbered}, see {@link #warmUp}), {@code scale.jfr}
 * ({@code true}: the servers record a flight recording in target/scale), {@code scale.long} ({@code false} skips the
 * 500 KB text), {@code scale.jar}.
 */
public final class ScaleBenchmark {

    private static final String ADMIN_KEY = "scale-benchmark-admin";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(40);
    /** Questions asked before the measured ones ({@code scale.warmup}). */
    private static final int WARM_UP = Integer.getInteger("scale.warmup", 600);

    /** Questions about the shipped article, asked at every size beside the planted facts. */
    private static final List<String> ARTICLE = List.of(
            "Quanto spenderà Meta in spese in conto capitale quest'anno?",
            "Quante GPU saranno operative entro la fine dell'anno?",
            "Quanto aveva speso Meta l'anno scorso?",
            "Come hanno reagito le azioni di Meta all'annuncio?",
            "Chi è il CEO di Meta?",
            "How much will Meta spend on capital expenditure this year?",
            "How many GPUs will be running by the end of the year?",
            "What is the Stargate initiative?",
            "How big is the planned data center?",
            "Who is Meta's CEO?");

    private final Path project;
    private final Path work;
    private final Path jar;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ScaleBenchmark(Path project) {
        this.project = project;
        this.work = project.resolve("target/scale");
        this.jar = Path.of(System.getProperty("scale.jar", jar(project).toString()));
    }

    public static void main(String[] args) throws Exception {
        ScaleBenchmark bench = new ScaleBenchmark(Path.of("").toAbsolutePath());
        int[] sizes = Arrays.stream(System.getProperty("scale.sizes", "10,1000,5000").split(","))
                .map(String::trim).mapToInt(Integer::parseInt).toArray();
        boolean coldServer = Boolean.parseBoolean(System.getProperty("scale.coldServer", "true"));
        System.out.printf(Locale.ROOT, "Fonte scale benchmark: %s, %d CPU(s), load average %s%n",
                bench.project.relativize(bench.jar), Runtime.getRuntime().availableProcessors(), loadAverage());
        List<String> table = new ArrayList<>();
        for (int size : sizes) {
            table.add(bench.size(size, coldServer));
        }
        if (Boolean.parseBoolean(System.getProperty("scale.long", "true"))) {
            bench.longFile();
        }
        System.out.println();
        System.out.println("| documents | sentences | index cold (texts + vectors) | cold server: ready / whole "
                + "| ready on existing index | RSS (anon + mapped) | index | p50 / p95 (server CPU) "
                + "| planted facts (retrieved) | 1 changed "
                + "document | live heap 1st -> 5th reindex |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        table.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
    }

    private String size(int size, boolean coldServer) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %d documents (load average %s)%n", size, loadAverage());
        Path corpus = work.resolve("corpus-" + size);
        Path index = work.resolve("index-" + size);
        boolean reuse = Boolean.getBoolean("scale.reuse") && Files.isDirectory(index);
        if (!reuse) {
            deleteTree(corpus);
            deleteTree(index);
        }
        List<NewsCorpus.Fact> facts = NewsCorpus.write(corpus, size, 42, project.resolve("corpus"));

        // 1. the index command, cold (or an update of the existing index, with scale.reuse)
        Run cold = command(List.of("index", "--corpus", corpus.toString(), "--index", index.toString()), Map.of());
        String steps = find(cold.output(), "steps: (.*)");
        String sentences = find(cold.output(), "sentences: (\\d+)");
        System.out.printf(Locale.ROOT, "index command, cold: %.1f s (%s), %.0f s of CPU, peak RSS %d MB%n%s",
                cold.seconds(), steps, cold.cpuSeconds(), cold.peakRssKb() / 1024, indent(cold.output()));

        // 2. a server on a folder with no index
        String coldServerFigure = "-";
        if (coldServer) {
            Path fresh = work.resolve("index-" + size + "-server");
            deleteTree(fresh);
            Server server = Server.start(this, corpus, fresh);
            try {
                double ready = server.awaitReadiness();
                double whole = server.awaitPhase("ready");
                coldServerFigure = String.format(Locale.ROOT, "%.1f s / %.1f s", ready, whole);
                System.out.printf(Locale.ROOT, "server on no index: ready in %.1f s (phase %s then), whole in %.1f s%n",
                        ready, server.firstPhase, whole);
            } finally {
                server.stop();
                deleteTree(fresh);
            }
        }

        // 3. a server on the existing index
        Server server = Server.start(this, corpus, index);
        try {
            double ready = server.awaitReadiness();
            server.awaitPhase("ready");
            long[] rss = server.rss();
            long indexBytes = folderSize(index);
            System.out.printf(Locale.ROOT, "server on the index: ready in %.2f s; RSS %d MB (anonymous %d MB, mapped "
                    + "files %d MB); index %.1f MB%n", ready, rss[0] / 1024, rss[1] / 1024, rss[2] / 1024,
                    indexBytes / 1e6);

            // 4. uncached questions: warm the server up on other questions, then ask each measured one once
            // (enough of them for the JIT compiler to have compiled the answer path: a server's steady state)
            for (String question : warmUp(WARM_UP)) {
                server.ask(question);
            }
            List<Long> nanos = new ArrayList<>();
            long cpuBefore = cpuMillis(server.process.pid());
            Map<String, long[]> threadsBefore = threadCpu(server.process.pid());
            int right = 0;
            for (NewsCorpus.Fact fact : facts) {
                long t0 = System.nanoTime();
                String answer = server.ask(fact.question());
                nanos.add(System.nanoTime() - t0);
                if (right(answer, fact)) {
                    right++;
                } else {
                    System.out.printf("  not answered right: %s -> %s%n", fact.question(), excerpt(answer));
                }
            }
            for (String q : ARTICLE) {
                long t0 = System.nanoTime();
                server.ask(q);
                nanos.add(System.nanoTime() - t0);
            }
            double cpuPerQuestion = (cpuMillis(server.process.pid()) - cpuBefore) / (double) nanos.size();
            long[] byKind = cpuByKind(threadsBefore, threadCpu(server.process.pid()));
            double jitPerQuestion = byKind[0] / (double) nanos.size();
            double gcPerQuestion = byKind[1] / (double) nanos.size();
            // retrieval alone (asked after the timing: it warms the question vectors): is the planted sentence among
            // the candidates the answer model reads?
            int retrieved = 0;
            for (NewsCorpus.Fact fact : facts) {
                if (server.candidatesHold(fact)) {
                    retrieved++;
                }
            }
            nanos.sort(Comparator.naturalOrder());
            double p50 = nanos.get(nanos.size() / 2) / 1e6;
            double p95 = nanos.get((int) Math.ceil(nanos.size() * 0.95) - 1) / 1e6;
            System.out.printf(Locale.ROOT, "%d uncached questions: p50 %.1f ms, p95 %.1f ms, server CPU %.1f ms per "
                    + "question (of which the JIT compiler's threads %.1f ms, the garbage collector's %.1f ms), %d "
                    + "errors; planted facts right: %d/%d (their sentence among the candidates: %d/%d)%n",
                    nanos.size(), p50, p95, cpuPerQuestion, jitPerQuestion, gcPerQuestion, server.errors, right,
                    facts.size(), retrieved, facts.size());

            // 5. one changed document, five times
            Path changed = corpus.resolve("planted-1.en.md");
            List<Double> reindexes = new ArrayList<>();
            long heapFirst = 0;
            for (int i = 1; i <= 5; i++) {
                Files.writeString(changed, "\n\nA note added to the report, number " + i + ", changes nothing.\n",
                        StandardOpenOption.APPEND);
                reindexes.add(server.reindex());
                if (i == 1) {
                    heapFirst = server.liveHeap();
                }
            }
            long heapFifth = server.liveHeap();
            System.out.printf(Locale.ROOT, "one changed document re-indexed in %s s; live heap %d MB after the first, "
                    + "%d MB after the fifth%n", reindexes.stream().map(d -> String.format(Locale.ROOT, "%.1f", d))
                    .toList(), heapFirst / (1 << 20), heapFifth / (1 << 20));
            return String.format(Locale.ROOT, "| %d | %s | %.0f s (%s; CPU %.0f s) | %s | %.1f s | %d MB (%d + %d) "
                            + "| %.0f MB | %.0f / %.0f ms (CPU %.0f ms, JIT %.0f) | %d/%d (%d/%d) "
                            + "| %.1f s (median of 5) | %d -> %d MB |",
                    size, sentences, cold.seconds(), steps, cold.cpuSeconds(), coldServerFigure, ready, rss[0] / 1024,
                    rss[1] / 1024, rss[2] / 1024, indexBytes / 1e6, p50, p95, cpuPerQuestion, jitPerQuestion, right,
                    facts.size(),
                    retrieved, facts.size(), median(reindexes), heapFirst / (1 << 20), heapFifth / (1 << 20));
        } finally {
            server.stop();
        }
    }

    /**
     * The warm-up questions ({@code scale.warmupKind}): {@code varied} (the default) asks the planted facts' questions
     * about the other companies of the corpus, in turn with questions about no company, so that the JIT compiler has
     * seen the shapes of question the measured ones have (asked only about numbered companies, the server was still
     * compiling, and undoing compiled code, during the measured questions: a busy C2 thread was most of their cost);
     * {@code numbered} asks only the questions about numbered companies, as the benchmark did before.
     */
    private static List<String> warmUp(int n) {
        boolean varied = !"numbered".equals(System.getProperty("scale.warmupKind", "varied"));
        List<String> facts = varied ? NewsCorpus.otherQuestions((n + 1) / 2, 7) : List.of();
        List<String> questions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            questions.add(varied && i % 2 == 0 ? facts.get(i / 2) : String.format(Locale.ROOT, i % 4 < 2
                    ? "How many engineers does company number %d employ?" : "Quanti dipendenti ha l'azienda numero %d?",
                    i));
        }
        return questions;
    }

    /** The answer has the fact's figure (as a whole number) and cites the fact's document. */
    static boolean right(String answer, NewsCorpus.Fact fact) {
        return answer.contains("\"answered\":true")
                && Pattern.compile("(?<![\\d.,])" + Pattern.quote(fact.answer()) + "(?![\\d])").matcher(answer).find()
                && answer.contains("\"documentId\":\"" + fact.documentId() + "\"");
    }

    private void longFile() throws Exception {
        Path paragraphs = work.resolve("long-paragraphs");
        Path single = work.resolve("long-one-paragraph");
        deleteTree(paragraphs);
        deleteTree(single);
        Files.createDirectories(paragraphs);
        Files.createDirectories(single);
        NewsCorpus.longFile(paragraphs.resolve("report.en.md"), single.resolve("report.en.md"), 500_000, 7);
        System.out.printf("%n== a 500 KB text (load average %s)%n", loadAverage());
        for (Path corpus : List.of(paragraphs, single)) {
            Path index = work.resolve(corpus.getFileName() + "-index");
            deleteTree(index);
            Run run = command(List.of("index", "--corpus", corpus.toString(), "--index", index.toString()), Map.of());
            System.out.printf(Locale.ROOT, "%-20s: indexed in %.1f s (%s), %s sentences%n", corpus.getFileName(),
                    run.seconds(), find(run.output(), "steps: (.*)"), find(run.output(), "sentences: (\\d+)"));
        }
    }

    /** A finished run of the jar: its output, wall time and peak resident memory. */
    record Run(String output, double seconds, long peakRssKb, double cpuSeconds) {
    }

    private Run command(List<String> args, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        long t0 = System.nanoTime();
        Process p = builder.start();
        AtomicLong peak = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        Thread watch = new Thread(() -> {
            while (p.isAlive()) {
                peak.accumulateAndGet(status(p.pid(), "VmRSS"), Math::max);
                cpu.accumulateAndGet(cpuMillis(p.pid()), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watch.setDaemon(true);
        watch.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (status != 0) {
            throw new IllegalStateException("the jar exited with " + status + ":\n" + output);
        }
        return new Run(output, seconds, peak.get(), cpu.get() / 1000.0);
    }

    /** A server started from the jar on a free loopback port. */
    private static final class Server {
        private final ScaleBenchmark bench;
        private final Process process;
        private final URI base;
        private final long started;
        private String firstPhase = "?";
        private int errors;

        private Server(ScaleBenchmark bench, Process process, URI base, long started) {
            this.bench = bench;
            this.process = process;
            this.base = base;
            this.started = started;
        }

        static Server start(ScaleBenchmark bench, Path corpus, Path index) throws IOException {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(bench.javaBinary(), "-Dfonte.index.retire-after=2s"));
            if (Boolean.getBoolean("scale.jfr")) {
                // a profile of the server, to see where a question's time goes
                command.add("-XX:StartFlightRecording=filename=" + bench.work.resolve("server-" + corpus.getFileName()
                        + ".jfr") + ",settings=profile");
            }
            command.addAll(List.of("-jar", bench.jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(bench.project.toFile()).redirectErrorStream(true)
                    .redirectOutput(bench.work.resolve("server-" + corpus.getFileName() + ".log").toFile());
            Map<String, String> env = builder.environment();
            env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            env.put("FONTE_CORPUS_PATH", corpus.toString());
            env.put("FONTE_INDEX_PATH", index.toString());
            env.put("FONTE_ADMIN_KEY", ADMIN_KEY);
            env.put("FONTE_ANSWER_CACHE_SIZE", "0");
            ServerBenchmark.unlimited(env);
            long t0 = System.nanoTime();
            return new Server(bench, builder.start(), URI.create("http://127.0.0.1:" + port), t0);
        }

        /** Seconds from the process start to readiness 200. */
        double awaitReadiness() throws Exception {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    HttpResponse<String> r = get("/health/readiness");
                    if (r.statusCode() == 200) {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        firstPhase = find(r.body(), "\"phase\":\"(\\w+)\"");
                        return seconds;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            throw new IllegalStateException("the server did not become ready");
        }

        /** Seconds from the process start until readiness reports the phase. */
        double awaitPhase(String phase) throws Exception {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    if (get("/health/readiness").body().contains("\"phase\":\"" + phase + "\"")) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the index never reached phase " + phase);
        }

        String ask(String question) throws Exception {
            String body = "{\"question\":\"" + question.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
            HttpResponse<String> r = bench.http.send(HttpRequest.newBuilder(base.resolve("/api/chat"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                errors++;
                System.out.printf("  POST /api/chat %d for \"%s\": %s%n", r.statusCode(), question, r.body());
            }
            return r.body();
        }

        /** Whether the candidates streamed before the answer hold the fact's sentence (its document, its figure). */
        boolean candidatesHold(NewsCorpus.Fact fact) throws Exception {
            String body = "{\"question\":\"" + fact.question().replace("\"", "\\\"") + "\"}";
            HttpResponse<String> r = bench.http.send(HttpRequest.newBuilder(base.resolve("/api/chat/stream"))
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            String[] lines = r.body().split("\\R");
            for (int i = 0; i + 1 < lines.length; i++) {
                if (lines[i].equals("event: sources")) {
                    for (String source : lines[i + 1].split("\\},\\{")) {
                        if (source.contains("\"documentId\":\"" + fact.documentId() + "\"")
                                && Pattern.compile("(?<![\\d.,])" + Pattern.quote(fact.answer().split(" ")[0])
                                + "(?![\\d])").matcher(source).find()) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** Seconds from the reindex request until the new version is served. */
        double reindex() throws Exception {
            String before = admin("GET").body();
            long t0 = System.nanoTime();
            HttpResponse<String> started = admin("POST");
            if (started.statusCode() != 202) {
                throw new IllegalStateException("reindex: " + started.statusCode() + " " + started.body());
            }
            String builtBefore = find(before, "\"builtAt\":\"([^\"]+)\"");
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                String status = admin("GET").body();
                if (!status.contains("\"rebuilding\":true")
                        && !builtBefore.equals(find(status, "\"builtAt\":\"([^\"]+)\""))) {
                    return (System.nanoTime() - t0) / 1e9;
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("the reindex did not finish");
        }

        private HttpResponse<String> admin(String method) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(method.equals("POST") ? "/api/admin/reindex"
                    : "/api/admin/index")).header("Authorization", "Bearer " + ADMIN_KEY);
            return bench.http.send(method.equals("POST") ? b.POST(HttpRequest.BodyPublishers.noBody()).build()
                    : b.GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpResponse<String> get(String path) throws Exception {
            return bench.http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        /** VmRSS, RssAnon and RssFile + RssShmem, in kB. */
        long[] rss() {
            long pid = process.pid();
            return new long[] {status(pid, "VmRSS"), status(pid, "RssAnon"),
                    status(pid, "RssFile") + status(pid, "RssShmem")};
        }

        /** The heap in use after a full collection (replaced index versions closed first), in bytes. */
        long liveHeap() throws Exception {
            Thread.sleep(3000);
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            new ProcessBuilder(jcmd, Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start()
                    .waitFor();
            Process info = new ProcessBuilder(jcmd, Long.toString(process.pid()), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String out = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor();
            Matcher m = Pattern.compile("used (\\d+)K").matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("no heap figure in: " + out);
            }
            return Long.parseLong(m.group(1)) * 1024;
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A process's user and system CPU time so far, in milliseconds (Linux: /proc/pid/stat, 100 ticks a second). */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * The processor time of a process's threads by thread id: its kind (0 the JIT compiler's {@code C1/C2
     * CompilerThread}s, 1 the garbage collector's, 2 the others) and milliseconds.
     */
    private static Map<String, long[]> threadCpu(long pid) {
        Map<String, long[]> out = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long millis = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
                    long kind = name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? 0
                            : name.startsWith("GC ") || name.startsWith("G1 ") ? 1 : 2;
                    out.put(task.getFileName().toString(), new long[] {kind, millis});
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /**
     * Milliseconds of processor time by kind of thread between two {@link #threadCpu} readings, of the threads alive
     * at the second.
     */
    private static long[] cpuByKind(Map<String, long[]> before, Map<String, long[]> after) {
        long[] out = new long[3];
        after.forEach((tid, now) -> out[(int) now[0]] += now[1] - before.getOrDefault(tid, new long[] {0, 0})[1]);
        return out;
    }

    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    private static String excerpt(String answer) {
        String text = find(answer, "\"answer\":\"([^\"]*)\"");
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }

    private static String indent(String output) {
        StringBuilder out = new StringBuilder();
        for (String line : output.split("\\R")) {
            if (!line.isBlank() && !line.contains("%") || line.contains("100%")) {
                out.append("  ").append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static long folderSize(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path jar(Path project) {
        try (Stream<Path> files = Files.list(project.resolve("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("fonte-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/fonte-*.jar: package first"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
