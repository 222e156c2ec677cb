package dev.fonte.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * End-to-end benchmark of the packaged server on loopback: starts {@code java -jar target/fonte-*.jar} on a free
 * port, measures the time from process start to the first answer of {@code POST /api/chat}, warms up, then measures
 * the latency (p50, p99) and throughput of {@code POST /api/chat} with one client and with several concurrent
 * clients, over a rotation of Italian and English questions. Prints the server's resident memory at start and end,
 * and stops it.
 *
 * <p>Run: {@code ./mvnw -q -Pbench package -DskipTests} (see src/docs/BENCHMARK.md). Tuning, as system properties:
 * {@code bench.seconds} (each measured phase, default 10), {@code bench.warmup} (seconds, default 5),
 * {@code bench.clients} (concurrent clients, default 4), {@code bench.starts} (rounds of start-up measurements,
 * default 3; 0: none), {@code bench.slack} (0: no first-Slack-reply measurement), {@code bench.compare} (an older
 * jar whose first replies are measured interleaved with these), {@code bench.cache} (0: no answer cache),
 * {@code bench.jar} (another jar).
 */
public final class ServerBenchmark {

    /** A rotation of questions in both languages: answerable ones from every paragraph, a summary, refusals. */
    static final List<String> QUESTIONS = List.of(
            "Quanto spenderà Meta in spese in conto capitale quest'anno?",
            "Quante GPU saranno operative entro la fine dell'anno?",
            "Quanto aveva speso Meta l'anno scorso?",
            "Quanto grande sarà il nuovo data center?",
            "Come hanno reagito le azioni di Meta all'annuncio?",
            "Quanto investirà Microsoft nel cloud?",
            "Chi è il CEO di Meta?",
            "Che cosa avevano stimato gli analisti?",
            "Perché Meta ha un vantaggio sui concorrenti?",
            "Riassumi l'articolo",
            "Quanti dipendenti ha Meta?",
            "How much will Meta spend on capital expenditure this year?",
            "How many GPUs will be running by the end of the year?",
            "How much did Meta spend last year?",
            "What is the Stargate initiative?",
            "How big is the planned data center?",
            "What did the shares do after the announcement?",
            "Who is Meta's CEO?",
            "Is this article investment advice?",
            "What will Llama 5 cost?");

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path project;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private ServerBenchmark(Path project) {
        this.project = project;
    }

    public static void main(String[] args) throws Exception {
        boolean loadTest = args.length > 0 && args[0].equals("load");
        int seconds = Integer.getInteger("bench.seconds", loadTest ? 60 : 10);
        int warmup = Integer.getInteger("bench.warmup", 5);
        int clients = Integer.getInteger("bench.clients", 4);
        ServerBenchmark bench = new ServerBenchmark(Path.of("").toAbsolutePath());
        if (!loadTest) {
            bench.startups(Integer.getInteger("bench.starts", 3));
            if (Integer.getInteger("bench.slack", 1) > 0) {
                bench.firstReplies(Integer.getInteger("bench.starts", 3));
            }
        }
        bench.run(seconds, warmup, clients, loadTest);
    }

    /** How a start is launched: JVM options and environment on top of the benchmark's own. */
    record Launch(String label, List<String> jvmOptions, Map<String, String> env) {
    }

    /**
     * Start-up figures: {@code starts} rounds of four launches, interleaved so that the machine's load weighs on each
     * alike: plain {@code java -jar} and with an application class-data sharing archive (as the Docker image runs),
     * each with no index yet (a first start: the index is built, vectors included) and with the index on disk (a
     * restart). A training start first writes the archive (target/fonte.jsa) and the index (target/bench-index).
     * Prints the median time to the first answer and the server's CPU time by then.
     */
    private void startups(int starts) throws Exception {
        if (starts <= 0) {
            return;
        }
        Path jar = jar();
        Path archive = project.resolve("target/fonte.jsa");
        Path index = project.resolve("target/bench-index");
        Path cold = project.resolve("target/bench-index-cold");
        Files.deleteIfExists(archive);
        System.out.printf(Locale.ROOT,
                "start-up: a training start (-XX:ArchiveClassesAtExit=%s), then %d rounds of 4 starts%n",
                project.relativize(archive), starts);
        // Slack on, its Web API at a closed port, as src/main/sh/cds-archive.sh trains the Docker image's archive
        Map<String, String> trainingEnv = new java.util.HashMap<>(slackEnv("http://127.0.0.1:9/api/"));
        trainingEnv.put("FONTE_INDEX_PATH", index.toString());
        Launch training = new Launch("training", List.of("-XX:ArchiveClassesAtExit=" + archive), trainingEnv);
        Process trainer = start(jar, training);
        try {
            URI chat = URI.create("http://127.0.0.1:" + launchPort + "/api/chat");
            awaitFirstAnswer(trainer, chat, System.nanoTime(), false);
            for (String q : QUESTIONS) {
                http.send(post(chat, q), HttpResponse.BodyHandlers.discarding());
            }
            http.send(slackCommand(chat.resolve("/slack/commands"), QUESTIONS.get(1), "http://127.0.0.1:9/r"),
                    HttpResponse.BodyHandlers.discarding());
            Thread.sleep(1000);
        } finally {
            stop(trainer, false);
        }
        boolean cds = Files.isRegularFile(archive);
        List<Launch> launches = new ArrayList<>();
        launches.add(new Launch("java -jar, no index yet", List.of(), Map.of("FONTE_INDEX_PATH", cold.toString())));
        launches.add(new Launch("java -jar, index on disk", List.of(), Map.of("FONTE_INDEX_PATH", index.toString())));
        if (cds) {
            String share = "-XX:SharedArchiveFile=" + archive;
            launches.add(new Launch("AppCDS,   no index yet", List.of(share),
                    Map.of("FONTE_INDEX_PATH", cold.toString())));
            launches.add(new Launch("AppCDS,   index on disk", List.of(share),
                    Map.of("FONTE_INDEX_PATH", index.toString())));
        } else {
            System.out.println("AppCDS: no archive was written (this JVM cannot dump one); plain starts only");
        }
        Map<Launch, List<long[]>> figures = new LinkedHashMap<>();
        for (int round = 0; round < starts; round++) {
            for (Launch launch : launches) {
                if (launch.env().get("FONTE_INDEX_PATH").equals(cold.toString())) {
                    deleteTree(cold);
                }
                Process server = start(jar, launch);
                try {
                    long t0 = startedAt;
                    URI chat = URI.create("http://127.0.0.1:" + launchPort + "/api/chat");
                    long ms = (awaitFirstAnswer(server, chat, t0, false) - t0) / 1_000_000;
                    figures.computeIfAbsent(launch, l -> new ArrayList<>())
                            .add(new long[] {ms, cpuMillis(server.pid())});
                } finally {
                    stop(server, false);
                }
            }
        }
        for (var e : figures.entrySet()) {
            long[] ms = e.getValue().stream().mapToLong(f -> f[0]).sorted().toArray();
            long[] cpu = e.getValue().stream().mapToLong(f -> f[1]).sorted().toArray();
            System.out.printf(Locale.ROOT, "first answer, %-27s: median %5d ms (runs %s), CPU by then %5d ms%n",
                    e.getKey().label(), ms[ms.length / 2],
                    Arrays.toString(e.getValue().stream().mapToLong(f -> f[0]).toArray()),
                    cpu[cpu.length / 2]);
        }
        System.out.printf(Locale.ROOT, "load average after the start-up runs: %s%n", loadAverage());
    }

    static final String SLACK_SECRET = "bench-signing-secret";
    static final String SLACK_BOT_TOKEN = "xoxb-1111111111-1111111111111-benchbenchbenchbenchbench";

    /** Slack on in HTTP events mode, its Web API at {@code apiUrl}. */
    static Map<String, String> slackEnv(String apiUrl) {
        return Map.of("SLACK_SIGNING_SECRET", SLACK_SECRET, "SLACK_BOT_TOKEN", SLACK_BOT_TOKEN,
                "FONTE_SLACK_API_URL", apiUrl);
    }

    /** {@code /fonte <question>} from workspace T1, signed as Slack signs it. */
    private static HttpRequest slackCommand(URI commands, String question, String responseUrl) {
        String body = "team_id=T1&channel_id=C1&user_id=U1&command=%2Ffonte&text="
                + java.net.URLEncoder.encode(question, java.nio.charset.StandardCharsets.UTF_8)
                + "&response_url=" + java.net.URLEncoder.encode(responseUrl, java.nio.charset.StandardCharsets.UTF_8);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        return HttpRequest.newBuilder(commands)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", new com.slack.api.app_backend.SlackSignature.Generator(SLACK_SECRET)
                        .generate(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /**
     * The first reply after a start, Slack's beside the chat API's: {@code rounds} rounds of starts with Slack on
     * (HTTP events, a local fake of Slack's Web API and response URLs), plain {@code java -jar} and with the class-data
     * archive. Each start waits for readiness ({@code GET /health/readiness}), then sends one request: either
     * {@code POST /api/chat} (how long until its answer), or a signed {@code /fonte} command (how long until the
     * acknowledgement, which Slack wants within 3 s, and until the answer reaches the fake's {@code response_url}).
     * The index is on disk (a restart). Prints the medians.
     */
    private void firstReplies(int rounds) throws Exception {
        if (rounds <= 0) {
            return;
        }
        Path jar = jar();
        Path archive = project.resolve("target/fonte.jsa");
        try (dev.fonte.slack.FakeSlack slack = new dev.fonte.slack.FakeSlack()) {
            slack.workspace("T1", SLACK_BOT_TOKEN);
            Map<String, String> env = new java.util.HashMap<>(slackEnv(slack.apiUrl()));
            env.put("FONTE_INDEX_PATH", project.resolve("target/bench-index").toString());
            Map<Launch, Path> launches = new LinkedHashMap<>();
            launches.put(new Launch("java -jar", List.of(), env), jar);
            if (Files.isRegularFile(archive)) {
                launches.put(new Launch("AppCDS  ", List.of("-XX:SharedArchiveFile=" + archive), env), jar);
            }
            // -Dbench.compare=<older jar>: its plain starts interleaved with these, so that the load weighs alike
            if (System.getProperty("bench.compare") != null) {
                launches.put(new Launch("compared", List.of(), env),
                        Path.of(System.getProperty("bench.compare")).toAbsolutePath());
            }
            System.out.printf(Locale.ROOT, "first reply after the server is ready, Slack on (HTTP events): %d rounds "
                    + "of %d starts%s%n", rounds, launches.size() * 2, System.getProperty("bench.compare") == null ? ""
                    : " (compared: " + System.getProperty("bench.compare") + ")");
            Map<String, List<long[]>> figures = new LinkedHashMap<>();
            int sent = 0;
            for (int round = 0; round < rounds; round++) {
                for (Launch launch : launches.keySet()) {
                    Process server = start(launches.get(launch), launch);
                    try {
                        URI base = URI.create("http://127.0.0.1:" + launchPort);
                        awaitReady(server, base);
                        long t = System.nanoTime();
                        HttpResponse<String> answer = http.send(post(base.resolve("/api/chat"), QUESTIONS.get(1)),
                                HttpResponse.BodyHandlers.ofString());
                        long chatMs = (System.nanoTime() - t) / 1_000_000;
                        if (answer.statusCode() != 200) {
                            throw new IllegalStateException("first chat answer: HTTP " + answer.statusCode());
                        }
                        figures.computeIfAbsent(launch.label() + " chat", k -> new ArrayList<>())
                                .add(new long[] {chatMs});
                    } finally {
                        stop(server, false);
                    }
                    server = start(launches.get(launch), launch);
                    try {
                        URI base = URI.create("http://127.0.0.1:" + launchPort);
                        awaitReady(server, base);
                        String reply = "bench-" + (++sent);
                        long t = System.nanoTime();
                        HttpResponse<String> ack = http.send(slackCommand(base.resolve("/slack/commands"),
                                QUESTIONS.get(1), slack.responseUrl(reply)), HttpResponse.BodyHandlers.ofString());
                        long ackMs = (System.nanoTime() - t) / 1_000_000;
                        if (ack.statusCode() != 200) {
                            throw new IllegalStateException("first Slack command: HTTP " + ack.statusCode() + " "
                                    + ack.body());
                        }
                        dev.fonte.slack.FakeSlack.Call posted = slack.await(call -> call.path().endsWith(reply));
                        long postedMs = (posted.receivedNanos() - t) / 1_000_000;
                        figures.computeIfAbsent(launch.label() + " slack", k -> new ArrayList<>())
                                .add(new long[] {ackMs, postedMs});
                    } finally {
                        stop(server, false);
                    }
                }
            }
            for (Launch launch : launches.keySet()) {
                List<long[]> chat = figures.get(launch.label() + " chat");
                List<long[]> commands = figures.get(launch.label() + " slack");
                System.out.printf(Locale.ROOT, "%s: POST /api/chat answered in %5d ms | Slack /fonte acknowledged in "
                                + "%5d ms, its answer at the response_url after %5d ms   (runs %s | %s)%n",
                        launch.label(), median(chat, 0), median(commands, 0), median(commands, 1),
                        runs(chat, 0), runs(commands, 1));
            }
            System.out.printf(Locale.ROOT, "load average after the first-reply runs: %s%n", loadAverage());
        }
    }

    private static long median(List<long[]> figures, int index) {
        long[] sorted = figures.stream().mapToLong(f -> f[index]).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String runs(List<long[]> figures, int index) {
        return Arrays.toString(figures.stream().mapToLong(f -> f[index]).toArray());
    }

    /** Polls GET /health/readiness until it answers 200 (the index is built). */
    private void awaitReady(Process server, URI base) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(base.resolve("/health/readiness"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long t0 = System.nanoTime();
        while (System.nanoTime() - t0 < READY_TIMEOUT.toNanos()) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue()
                        + " before it was ready; see target/bench-server.log");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private int launchPort;
    private long startedAt;

    private static void deleteTree(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    /** Starts the server on a free port with a launch's options; its output goes to target/bench-server.log. */
    private Process start(Path jar, Launch launch) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(launch.jvmOptions());
        command.addAll(List.of("-jar", jar.toString()));
        launchPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(project.resolve("target/bench-server.log").toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(launchPort));
        unlimited(builder.environment());
        builder.environment().putAll(launch.env());
        startedAt = System.nanoTime();
        return builder.start();
    }

    /**
     * One client address sends everything here, without a key: the budgets are raised far above what it can send,
     * so the figures are the answer path's, not the access rule's refusals (its counting still runs).
     */
    static void unlimited(Map<String, String> env) {
        env.put("FONTE_RATE_PER_SECOND", "1000000");
        env.put("FONTE_RATE_BURST", "10000000");
        env.put("FONTE_ANONYMOUS_RATE_PER_SECOND", "1000000");
        env.put("FONTE_ANONYMOUS_BURST", "10000000");
        env.put("FONTE_ANONYMOUS_CEILING_PER_SECOND", "1000000");
        env.put("FONTE_ANONYMOUS_CEILING_BURST", "10000000");
    }

    /** The process's user and system CPU time so far (Linux; -1 elsewhere). */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // clock ticks of 10 ms
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    private void run(int seconds, int warmup, int clients, boolean loadTest) throws Exception {
        Path jar = jar();
        int port = freePort();
        URI chat = URI.create("http://127.0.0.1:" + port + "/api/chat");
        Path log = project.resolve("target/bench-server.log");
        // the load test caps the heap, so that whether memory levels off is seen in the resident size
        List<String> command = loadTest ? List.of(javaBinary(), "-Xmx512m", "-jar", jar.toString())
                : List.of(javaBinary(), "-jar", jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(project.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        unlimited(builder.environment());
        // -Dbench.cache=0 measures distinct questions computed every time (no answer cache)
        builder.environment().put("FONTE_ANSWER_CACHE_SIZE", System.getProperty("bench.cache", "1000"));

        System.out.printf(Locale.ROOT, "Fonte server benchmark: %s on 127.0.0.1:%d, %d CPU(s) visible%n",
                project.relativize(jar), port, Runtime.getRuntime().availableProcessors());
        long t0 = System.nanoTime();
        Process server = builder.start();
        Thread stopper = new Thread(server::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            double readyMs = (awaitFirstAnswer(server, chat, t0, true) - t0) / 1e6;
            System.out.printf(Locale.ROOT, "time from start to first answer: %.0f ms%n", readyMs);
            System.out.printf(Locale.ROOT, "server RSS after first answer:   %s%n", rss(server.pid()));

            System.out.printf(Locale.ROOT, "warm-up: %d s with %d clients%n", warmup, clients);
            load(chat, clients, Duration.ofSeconds(warmup));
            if (loadTest) {
                loadTest(server, chat, seconds, clients);
                return;
            }

            Result single = load(chat, 1, Duration.ofSeconds(seconds));
            print("POST /api/chat, 1 client", single);
            Result many = load(chat, clients, Duration.ofSeconds(seconds));
            print("POST /api/chat, " + clients + " clients", many);

            System.out.printf(Locale.ROOT, "server RSS at end:               %s (peak %s)%n",
                    rss(server.pid()), status(server.pid(), "VmHWM"));
            if (single.errors + many.errors > 0) {
                System.out.println("FAILED: some requests did not answer 200, see " + project.relativize(log));
                System.exit(1);
            }
        } finally {
            stop(server);
            Runtime.getRuntime().removeShutdownHook(stopper);
        }
    }

    /** Polls POST /api/chat until it answers 200; returns the nanoTime of that answer. */
    private long awaitFirstAnswer(Process server, URI chat, long t0, boolean verbose) throws InterruptedException {
        HttpRequest request = post(chat, QUESTIONS.get(0));
        while (System.nanoTime() - t0 < READY_TIMEOUT.toNanos()) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue()
                        + " before answering; see target/bench-server.log");
            }
            try {
                long sent = System.nanoTime();
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"answered\":true")) {
                    long now = System.nanoTime();
                    if (verbose) {
                        System.out.printf(Locale.ROOT,
                                "first answered request took:     %.0f ms (of the time below)%n", (now - sent) / 1e6);
                    }
                    return now;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no answer within " + READY_TIMEOUT.toSeconds() + " s");
    }

    record Result(long[] latenciesNanos, long errors, long serverErrors, double seconds) {
        double throughput() {
            return latenciesNanos.length / seconds;
        }

        double percentileMs(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(i, latenciesNanos.length - 1))] / 1e6;
        }
    }

    /**
     * The load test: {@code seconds} at saturation for each mix, beside a trivial endpoint of the same server
     * measured the same way: the fixture questions in rotation (distinct questions), one question repeated (a
     * widget's starter question), GET /api/documents (the trivial endpoint), the probes (liveness and readiness in
     * turn), and the distinct questions again while {@link #SLOW_CLIENTS} slowloris clients trickle request heads.
     * Reports throughput, p50/p99, non-200 and 5xx answers, what the server did with the slow clients, and the
     * server's resident memory at the start and the end.
     */
    private void loadTest(Process server, URI chat, int seconds, int clients) throws Exception {
        List<HttpRequest> fixtures = fixtureQuestions().stream().map(q -> post(chat, q)).toList();
        List<HttpRequest> repeated =
                List.of(post(chat, "Quanto investirà Meta nell'intelligenza artificiale nel 2025?"));
        List<HttpRequest> trivial = List.of(get(chat.resolve("/api/documents")));
        List<HttpRequest> probes = List.of(get(chat.resolve("/health/liveness")),
                get(chat.resolve("/health/readiness")));
        System.out.printf(Locale.ROOT, "load test: %d s per mix, %d concurrent clients, %d distinct fixture "
                        + "questions%n",
                seconds, clients, fixtures.size());
        String rssStart = rss(server.pid());
        Result distinct = load(fixtures, clients, Duration.ofSeconds(seconds));
        Result same = load(repeated, clients, Duration.ofSeconds(seconds));
        Result documents = load(trivial, clients, Duration.ofSeconds(seconds));
        Result health = load(probes, clients, Duration.ofSeconds(seconds));
        Slowloris slowloris = new Slowloris(URI.create(chat.toString()).getPort(), SLOW_CLIENTS);
        Result attacked;
        Slowloris.Outcome attack;
        try {
            attacked = load(fixtures, clients, Duration.ofSeconds(seconds));
        } finally {
            attack = slowloris.stop();
        }
        print("distinct questions", distinct);
        print("repeated question", same);
        print("GET /api/documents", documents);
        print("probes (live+ready)", health);
        print("distinct + slowloris", attacked);
        System.out.printf(Locale.ROOT, "distinct / trivial throughput: 1/%.1f; repeated / trivial: 1/%.1f; "
                        + "probes / trivial: %.2f (at least 1/3 wanted)%n",
                documents.throughput() / distinct.throughput(), documents.throughput() / same.throughput(),
                health.throughput() / documents.throughput());
        System.out.printf(Locale.ROOT, "slowloris: %d slow connections held open at once, %d opened in all; the server "
                        + "closed %d of them (%d with a 408), p50 %.1f s / max %.1f s after their first byte; %d still "
                        + "open at the end; questions meanwhile: %.0f%% of the throughput without them%n",
                SLOW_CLIENTS, attack.opened(), attack.closed(), attack.timeouts(), attack.closeSeconds(50),
                attack.closeSeconds(100), attack.stillOpen(), 100 * attacked.throughput() / distinct.throughput());
        System.out.printf(Locale.ROOT, "server RSS: %s at the start of the load, %s at the end (peak %s)%n",
                rssStart, rss(server.pid()), status(server.pid(), "VmHWM"));
        long serverErrors = distinct.serverErrors() + same.serverErrors() + documents.serverErrors()
                + health.serverErrors() + attacked.serverErrors();
        System.out.println(serverErrors == 0 ? "no 5xx" : "FAILED: " + serverErrors + " answers were 5xx");
        if (serverErrors > 0) {
            System.exit(1);
        }
    }

    /** Slow clients held open at once beside the normal ones in the load test. */
    static final int SLOW_CLIENTS = 64;

    /**
     * A slowloris attack: {@code connections} clients, each sending a request head one byte per second and never
     * finishing it; when the server closes one, another takes its place. Counts what the server did with them.
     */
    static final class Slowloris {

        /** What the server did: connections opened and closed, 408 answers, seconds from first byte to close. */
        record Outcome(int opened, int closed, int timeouts, int stillOpen, double[] closeTimes) {
            double closeSeconds(double percentile) {
                if (closeTimes.length == 0) {
                    return Double.NaN;
                }
                int i = (int) Math.ceil(percentile / 100.0 * closeTimes.length) - 1;
                return closeTimes[Math.max(0, Math.min(i, closeTimes.length - 1))];
            }
        }

        private final int port;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong opened = new AtomicLong();
        private final AtomicLong timeouts = new AtomicLong();
        private final AtomicInteger open = new AtomicInteger();
        private final List<Double> closeTimes = Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService threads;

        Slowloris(int port, int connections) {
            this.port = port;
            this.threads = Executors.newFixedThreadPool(connections);
            for (int i = 0; i < connections; i++) {
                threads.submit(this::client);
            }
        }

        private void client() {
            byte[] head = ("GET /api/documents HTTP/1.1\r\nHost: localhost\r\nX-Slow: "
                    + "a".repeat(4096) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            while (running.get()) {
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    opened.incrementAndGet();
                    open.incrementAndGet();
                    long first = System.nanoTime();
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    boolean closed = false;
                    try {
                        for (int i = 0; i < head.length - 4 && running.get(); i++) {
                            out.write(head[i]);
                            out.flush();
                            Thread.sleep(1000);
                            if (in.available() > 0) {
                                byte[] status = in.readNBytes(12);
                                if (new String(status, StandardCharsets.US_ASCII).endsWith("408")) {
                                    timeouts.incrementAndGet();
                                }
                                closed = true;
                                break;
                            }
                        }
                    } catch (IOException e) {
                        closed = true; // the server closed it: the next write fails
                    }
                    open.decrementAndGet();
                    if (closed) {
                        closeTimes.add((System.nanoTime() - first) / 1e9);
                    }
                } catch (IOException e) {
                    sleepQuietly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private static void sleepQuietly() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        Outcome stop() throws InterruptedException {
            int stillOpen = open.get();
            running.set(false);
            threads.shutdown();
            threads.awaitTermination(10, TimeUnit.SECONDS);
            double[] times = closeTimes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Outcome((int) opened.get(), times.length, (int) timeouts.get(), stillOpen, times);
        }
    }

    /** Every question of the project's fixtures (src/test/resources/fixtures/*.yaml), first turns and follow-ups. */
    private List<String> fixtureQuestions() throws IOException {
        List<String> questions = new ArrayList<>();
        try (Stream<Path> files = Files.list(project.resolve("src/test/resources/fixtures"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    var m = java.util.regex.Pattern.compile("^\\s*-?\\s*question:\\s*\"(.*)\"\\s*$").matcher(line);
                    if (m.matches()) {
                        questions.add(m.group(1).replace("\\\"", "\""));
                    }
                }
            }
        }
        return questions;
    }

    private Result load(URI chat, int clients, Duration duration) throws Exception {
        return load(QUESTIONS.stream().map(q -> post(chat, q)).toList(), clients, duration);
    }

    /** {@code clients} threads send the requests in rotation, back to back, for {@code duration}. */
    private Result load(List<HttpRequest> requests, int clients, Duration duration) throws Exception {
        AtomicLong serverErrors = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c * 7;
            futures.add(pool.submit(() -> {
                long[] lat = new long[1 << 16];
                int n = 0;
                for (int i = offset; System.nanoTime() < end; i++) {
                    HttpRequest request = requests.get(i % requests.size());
                    long s = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() >= 500) {
                            serverErrors.incrementAndGet();
                        }
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = System.nanoTime() - s;
                }
                return Arrays.copyOf(lat, n);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> f : futures) {
            parts.add(f.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all, errors.get(), serverErrors.get(), elapsed);
    }

    private static void print(String label, Result r) {
        System.out.printf(Locale.ROOT, "%-22s: %6d requests in %.1f s, %7.1f req/s, "
                        + "p50 %.2f ms, p99 %.2f ms, max %.2f ms, non-200 %d (5xx %d)%n",
                label, r.latenciesNanos().length, r.seconds(), r.throughput(), r.percentileMs(50), r.percentileMs(99),
                r.percentileMs(100), r.errors(), r.serverErrors());
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private static HttpRequest post(URI chat, String question) {
        String body = "{\"question\":\"" + question.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return HttpRequest.newBuilder(chat)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** target/fonte-*.jar (or -Dbench.jar=...), built with the Maven wrapper when missing. */
    private Path jar() throws IOException, InterruptedException {
        if (System.getProperty("bench.jar") != null) {
            return Path.of(System.getProperty("bench.jar")).toAbsolutePath();
        }
        Path jar = findJar();
        if (jar == null) {
            System.out.println("target/fonte-*.jar is missing: building it (./mvnw -q package -DskipTests)");
            Process build = new ProcessBuilder(project.resolve("mvnw").toString(), "-q", "package", "-DskipTests")
                    .directory(project.toFile()).inheritIO().start();
            if (build.waitFor() != 0 || (jar = findJar()) == null) {
                throw new IllegalStateException("could not build target/fonte-*.jar");
            }
        }
        return jar;
    }

    private Path findJar() throws IOException {
        Path target = project.resolve("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("fonte-.*\\.jar"))
                    .findFirst().orElse(null);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String rss(long pid) {
        return status(pid, "VmRSS");
    }

    /** A memory line of /proc/<pid>/status, in MB. */
    private static String status(long pid, String key) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith(key + ":"))
                    .map(l -> l.replaceAll("\\D+", ""))
                    .map(kb -> String.format(Locale.ROOT, "%.0f MB", Long.parseLong(kb) / 1024.0))
                    .findFirst().orElse("n/a");
        } catch (IOException | UncheckedIOException e) {
            return "n/a (" + e.getMessage() + ")";
        }
    }

    private static void stop(Process server) throws InterruptedException {
        stop(server, true);
    }

    /** SIGTERM (on which a training start writes its class-data archive), then SIGKILL after 30 s. */
    private static void stop(Process server, boolean verbose) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (verbose) {
            System.out.println("server stopped (exit " + server.exitValue() + ")");
        }
    }
}
