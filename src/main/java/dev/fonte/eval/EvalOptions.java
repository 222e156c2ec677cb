package dev.fonte.eval;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The command line of {@link EvalMain}.
 *
 * @param url       a running server to evaluate; null evaluates the in-process application
 * @param corpora   folders the in-process application's corpus is assembled from; empty keeps its configured one
 * @param tags      run only cases with one of these tags; empty runs all
 * @param json      where to write the JSON report, or null
 * @param apiKey    the key sent to a server with --url ({@code Authorization: Bearer}); null sends none
 * @param overwrite whether a report may replace a file that exists (a committed report, say)
 */
record EvalOptions(List<Path> fixtures, @Nullable URI url, List<Path> corpora, int parallel, Set<String> tags,
                   @Nullable Path json, @Nullable Path markdown, @Nullable Path junit, Duration timeout, boolean quiet,
                   @Nullable String apiKey, boolean overwrite) {

    /** The environment variable read for the API key when --api-key is not given (keeps it out of process lists). */
    static final String API_KEY_VARIABLE = "FONTE_EVAL_API_KEY";

    static final Path DEFAULT_FIXTURES = Path.of("src/test/resources/fixtures");

    static final String USAGE = """
            Usage: EvalMain [options] [fixture files or directories...]
              Runs YAML evaluation fixtures (default: src/test/resources/fixtures) against the in-process
              application, or against a running server with --url.
            Options:
              --url URL          evaluate the server at URL (e.g. http://localhost:8080) instead of in-process;
                                 a 429 or 503 with Retry-After is asked again after the wait
              --api-key KEY      send KEY to the server as Authorization: Bearer (default: $FONTE_EVAL_API_KEY)
              --corpus DIR       in-process: answer from the documents and glossaries of DIR instead of the
                                 configured corpus; repeatable (the folders' files are put together)
              --parallel N       cases asked at the same time (default 4)
              --tag TAG          only cases with this tag; repeatable
              --json FILE        also write a JSON report
              --markdown FILE    also write a Markdown report
              --junit FILE       also write a JUnit XML report
              --overwrite        let a report replace an existing file (without it, an existing file is an error)
              --timeout SECONDS  per question (default 120)
              --quiet            no per-case progress on stderr
              --help             this text
            Exit code: 0 every suite reached its minScore, 1 a suite scored under it, 2 bad fixtures, usage or target.
            """;

    static EvalOptions parse(String... args) throws UsageException {
        List<Path> fixtures = new ArrayList<>();
        URI url = null;
        List<Path> corpora = new ArrayList<>();
        int parallel = 4;
        Set<String> tags = new LinkedHashSet<>();
        Path json = null;
        Path markdown = null;
        Path junit = null;
        Duration timeout = Duration.ofSeconds(120);
        boolean quiet = false;
        String apiKey = System.getenv(API_KEY_VARIABLE);
        boolean overwrite = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--url" -> url = url(value(args, ++i, arg));
                case "--corpus" -> corpora.add(Path.of(value(args, ++i, arg)));
                case "--parallel" -> parallel = positive(value(args, ++i, arg), arg);
                case "--tag" -> tags.add(value(args, ++i, arg));
                case "--json" -> json = Path.of(value(args, ++i, arg));
                case "--markdown" -> markdown = Path.of(value(args, ++i, arg));
                case "--junit" -> junit = Path.of(value(args, ++i, arg));
                case "--timeout" -> timeout = Duration.ofSeconds(positive(value(args, ++i, arg), arg));
                case "--quiet" -> quiet = true;
                case "--api-key" -> apiKey = value(args, ++i, arg);
                case "--overwrite" -> overwrite = true;
                case "--help", "-h" -> throw new UsageException("");
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    fixtures.add(Path.of(arg));
                }
            }
        }
        if (url != null && !corpora.isEmpty()) {
            throw new UsageException("--corpus works in-process only: a server at --url answers from its own corpus");
        }
        if (fixtures.isEmpty()) {
            fixtures.add(DEFAULT_FIXTURES);
        }
        for (Path report : new Path[] {json, markdown, junit}) {
            if (report != null && !overwrite && Files.exists(report)) {
                throw new UsageException(report + " exists: a report never replaces a file unless --overwrite is "
                        + "given");
            }
        }
        return new EvalOptions(fixtures, url, List.copyOf(corpora), parallel, tags, json, markdown, junit, timeout,
                quiet, apiKey, overwrite);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String value, String option) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " needs a positive whole number, not '" + value + "'");
    }

    private static URI url(String value) throws UsageException {
        try {
            URI uri = new URI(value);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UsageException("--url needs an http(s) URL such as http://localhost:8080, not '"
                        + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--url is not a URL: " + e.getMessage());
        }
    }
}
