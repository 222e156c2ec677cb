package dev.fonte.eval;

import dev.fonte.eval.fixture.FixtureLoader;
import dev.fonte.eval.fixture.FixtureProblem;
import dev.fonte.eval.fixture.Fixtures;
import dev.fonte.eval.report.ConsoleReport;
import dev.fonte.eval.report.JsonReport;
import dev.fonte.eval.report.JunitReport;
import dev.fonte.eval.report.MarkdownReport;
import dev.fonte.eval.report.ReportWriter;
import dev.fonte.eval.run.CaseResult;
import dev.fonte.eval.run.EvalRun;
import dev.fonte.eval.run.Progress;
import dev.fonte.eval.run.Runner;
import dev.fonte.eval.target.Target;
import dev.fonte.eval.target.TargetException;
import dev.fonte.eval.target.TargetFactory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** One evaluation from a command line: load fixtures, open the target, run, report, and decide the exit code. */
public final class Evaluation {

    public static final int OK = 0;
    public static final int UNDER_MINIMUM = 1;
    public static final int BAD_INPUT = 2;

    private final TargetFactory targets;
    private final ObjectMapper json;
    private final PrintStream out;
    private final PrintStream err;

    public Evaluation(TargetFactory targets, ObjectMapper json, PrintStream out, PrintStream err) {
        this.targets = targets;
        this.json = json;
        this.out = out;
        this.err = err;
    }

    /** Runs the command line; returns the exit code (never throws for bad input). */
    public int run(String... args) {
        EvalOptions options;
        try {
            options = EvalOptions.parse(args);
        } catch (UsageException e) {
            if (!e.getMessage().isEmpty()) {
                err.println("error: " + e.getMessage());
            }
            err.print(EvalOptions.USAGE);
            return e.getMessage().isEmpty() ? OK : BAD_INPUT;
        }
        Fixtures fixtures = new FixtureLoader().load(options.fixtures()).withAnyTag(options.tags());
        for (FixtureProblem problem : fixtures.problems()) {
            err.println(problem);
        }
        if (fixtures.caseCount() == 0) {
            err.println("error: no cases to run" + (options.tags().isEmpty() ? "" : " with tags " + options.tags()));
            return BAD_INPUT;
        }
        EvalRun run;
        try (Target target = targets.open(options.url(), options.timeout(), options.corpora(), options.apiKey())) {
            run = new Runner(target, options.parallel(), options.quiet() ? Progress.NONE : this::progress)
                    .run(fixtures);
        } catch (TargetException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("error: interrupted");
            return BAD_INPUT;
        }
        try {
            Writer console = new PrintWriter(out, false, StandardCharsets.UTF_8);
            new ConsoleReport().write(run, console);
            write(options.json(), new JsonReport(json), run);
            write(options.markdown(), new MarkdownReport(), run);
            write(options.junit(), new JunitReport(), run);
        } catch (IOException e) {
            err.println("error: cannot write a report: " + e.getMessage());
            return BAD_INPUT;
        }
        if (!run.problems().isEmpty()) {
            return BAD_INPUT;
        }
        return run.allSuitesPassed() ? OK : UNDER_MINIMUM;
    }

    private synchronized void progress(int done, int total, CaseResult result) {
        err.printf("[%d/%d] %s %s (%d ms)%n", done, total, result.passed() ? "pass" : "FAIL",
                result.testCase().qualifiedId(), result.latencyMillis());
    }

    private static void write(@Nullable Path path, ReportWriter writer, EvalRun run) throws IOException {
        if (path == null) {
            return;
        }
        if (path.toAbsolutePath().getParent() != null) {
            Files.createDirectories(path.toAbsolutePath().getParent());
        }
        try (Writer file = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            writer.write(run, file);
        }
    }
}
