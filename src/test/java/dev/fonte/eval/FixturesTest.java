package dev.fonte.eval;

import dev.fonte.answer.AnswerService;
import dev.fonte.eval.fixture.FixtureLoader;
import dev.fonte.eval.fixture.Fixtures;
import dev.fonte.eval.report.ConsoleReport;
import dev.fonte.eval.report.JsonReport;
import dev.fonte.eval.report.JunitReport;
import dev.fonte.eval.report.MarkdownReport;
import dev.fonte.eval.report.ReportWriter;
import dev.fonte.eval.run.EvalRun;
import dev.fonte.eval.run.Runner;
import dev.fonte.eval.run.SuiteResult;
import dev.fonte.eval.target.InProcessTarget;
import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The project's own fixtures ({@code src/test/resources/fixtures}) against the real application in-process, with
 * its default (embedded, extractive) configuration: one test per suite, failing under the suite's minScore (a floor:
 * what the engine reaches today, so that a change making it worse fails), and one for fixture problems. Reports go
 * to {@code target/eval/} for CI to keep.
 */
@MicronautTest(startApplication = false)
class FixturesTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    static final Path REPORTS = Path.of("target/eval");
    /** The suites written with the engine before the general one, on which its targets were set. */
    static final java.util.Set<String> ISSUE_SUITES = java.util.Set.of("core-it", "core-en");

    @Inject
    ApplicationContext context;

    @TestFactory
    List<DynamicTest> every_project_suite_reaches_its_minimum_score() throws Exception {
        assumeTrue(context.containsBean(AnswerService.class), "the application has no AnswerService bean yet");
        assertThat(FIXTURES).as("the project's fixtures").isDirectory();

        Fixtures fixtures = new FixtureLoader().load(List.of(FIXTURES));
        EvalRun run;
        try (InProcessTarget target = InProcessTarget.of(context, Duration.ofSeconds(120))) {
            run = new Runner(target, 2, (done, total, result) -> { }).run(fixtures);
        }
        String console = render(new ConsoleReport(), run);
        System.out.println(console);
        Files.createDirectories(REPORTS);
        write(REPORTS.resolve("report.md"), new MarkdownReport(), run);
        write(REPORTS.resolve("junit.xml"), new JunitReport(), run);
        write(REPORTS.resolve("report.json"), new JsonReport(ObjectMapper.getDefault()), run);

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("fixtures load without problems",
                () -> assertThat(run.problems()).as("fixture problems").isEmpty()));
        for (SuiteResult suite : run.suites()) {
            tests.add(DynamicTest.dynamicTest(suite.suite().name() + " scores at least " + suite.suite().minScore(),
                    () -> assertThat(suite.score()).as("score of %s%n%s", suite.suite().name(), console)
                            .isGreaterThanOrEqualTo(suite.suite().minScore())));
        }
        // the embedded engine quotes the spans it cites: every sentence of its answers is grounded by construction
        tests.add(DynamicTest.dynamicTest("the embedded default's grounding precision is 1.0",
                () -> assertThat(run.overall().groundingPrecision()).as("grounding precision%n%s", console)
                        .isEqualTo(1.0)));
        // targets the engine is built towards and does not meet yet, reported for whoever reads the log: every
        // follow-up right, and no answerable question of the Italian and English suites refused
        System.out.println("follow-up cases that failed: " + run.cases()
                .filter(c -> c.testCase().tags().contains("followup")).filter(c -> !c.passed())
                .map(c -> c.testCase().id()).toList());
        System.out.println("answerable questions refused: " + run.suites().stream()
                .filter(suite -> ISSUE_SUITES.contains(suite.suite().name()))
                .flatMap(suite -> suite.cases().stream()).flatMap(c -> c.turns().stream()
                        .filter(t -> !t.turn().expectsRefusal() && t.reply() != null && !t.reply().answer().answered())
                        .map(t -> c.testCase().id() + ": " + t.turn().question())).toList());
        return tests;
    }

    static String render(ReportWriter writer, EvalRun run) throws IOException {
        StringWriter text = new StringWriter();
        writer.write(run, text);
        return text.toString();
    }

    static void write(Path file, ReportWriter writer, EvalRun run) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writer.write(run, out);
        }
    }
}
