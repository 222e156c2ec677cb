package dev.fonte.eval;

import dev.fonte.answer.AnswerService;
import dev.fonte.corpus.CorpusConfiguration;
import dev.fonte.eval.fixture.FixtureLoader;
import dev.fonte.eval.fixture.Fixtures;
import dev.fonte.eval.fixture.Suite;
import dev.fonte.eval.report.ConsoleReport;
import dev.fonte.eval.report.JsonReport;
import dev.fonte.eval.report.JunitReport;
import dev.fonte.eval.report.MarkdownReport;
import dev.fonte.eval.run.EvalRun;
import dev.fonte.eval.run.Metrics;
import dev.fonte.eval.run.Outcomes;
import dev.fonte.eval.run.Runner;
import dev.fonte.eval.run.SuiteResult;
import dev.fonte.eval.target.AssembledCorpus;
import dev.fonte.eval.target.InProcessTarget;
import dev.fonte.eval.target.TargetException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The generality suites ({@code src/test/resources/generality/fixtures}: questions about news documents nobody tuned
 * the engine for, written before it was run on them) against the real application in-process, started on the
 * shipped corpus plus the generality documents, with its default (embedded, extractive) configuration.
 *
 * <p>Two sets of figures per suite. The <em>targets</em> are what the engine is built towards: per language, 0.9 of
 * the answerable questions correct and cited, 0.9 of the unanswerable refused, at most 1% of all answers wrong and
 * cited; across languages, 0.75 correct, 0.9 refused and no wrong answer with citations. The engine does not meet
 * them yet: the run prints each target beside the figure measured, and the README's quality table says where it
 * stands. The <em>floors</em> are what it reaches today, a little under the figures measured when they were set:
 * each is its own test, so a change that makes the engine worse on documents nobody tuned it for fails the build.
 * Raise a floor when the engine gets better; never lower one to let a change through. The first run on the engine
 * these questions were written for is {@code src/docs/generality-first-run.md}. Reports go to
 * {@code target/eval/generality/}.
 */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneralityFixturesTest implements TestPropertyProvider {

    static final Path FIXTURES = Path.of("src/test/resources/generality/fixtures");
    /** The shipped corpus stays in: its article and rendering on Meta's AI spending are distractors. */
    static final List<Path> CORPUS = List.of(Path.of("corpus"), Path.of("src/test/resources/generality/corpus"),
            Path.of("src/test/resources/generality/corpus-es"));
    static final Path REPORTS = Path.of("target/eval/generality");
    static final Set<String> HELD_SUITES = Set.of("generality-it", "generality-en", "generality-cross",
            "generality-es");

    /** What one suite must reach: shares of its questions, each bar its own test. */
    record Bars(String suite, double answerableCorrect, double unanswerableRefused, double wrongCitedRate) {
    }

    static final List<Bars> TARGETS = List.of(
            new Bars("generality-it", 0.9, 0.9, 0.01),
            new Bars("generality-en", 0.9, 0.9, 0.01),
            new Bars("generality-cross", 0.75, 0.9, 0.0),
            new Bars("generality-es", 0.9, 0.9, 0.01));

    static final List<Bars> FLOORS = List.of(
            new Bars("generality-it", 0.65, 0.83, 0.13),
            new Bars("generality-en", 0.74, 0.83, 0.14),
            new Bars("generality-cross", 0.58, 0.92, 0.10),
            new Bars("generality-es", 0.76, 0.78, 0.10));

    @Inject
    ApplicationContext context;

    private AssembledCorpus corpus;

    @Override
    public Map<String, String> getProperties() {
        try {
            corpus = AssembledCorpus.of(CORPUS);
        } catch (TargetException e) {
            return fail("cannot assemble the generality corpus: " + e.getMessage(), e);
        }
        return Map.of(CorpusConfiguration.PREFIX + ".path", corpus.folder().toString());
    }

    @AfterAll
    void removeCorpus() {
        if (corpus != null) {
            corpus.close();
        }
    }

    @TestFactory
    List<DynamicTest> the_embedded_default_holds_its_floors_on_documents_nobody_tuned_it_for() throws Exception {
        assumeTrue(context.containsBean(AnswerService.class), "the application has no AnswerService bean yet");
        Fixtures loaded = new FixtureLoader().load(List.of(FIXTURES));
        List<Suite> held = loaded.suites().stream().filter(s -> HELD_SUITES.contains(s.name())).toList();
        Fixtures fixtures = new Fixtures(held, loaded.problems());

        EvalRun run;
        try (InProcessTarget target = InProcessTarget.of(context, Duration.ofSeconds(120))) {
            run = new Runner(target, 2, (done, total, result) -> { }).run(fixtures);
        }
        String console = FixturesTest.render(new ConsoleReport(), run) + targets(run);
        System.out.println(console);
        Files.createDirectories(REPORTS);
        FixturesTest.write(REPORTS.resolve("report.md"), new MarkdownReport(), run);
        FixturesTest.write(REPORTS.resolve("report.json"), new JsonReport(ObjectMapper.getDefault()), run);
        FixturesTest.write(REPORTS.resolve("junit.xml"), new JunitReport(), run);

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("fixtures load without problems",
                () -> assertThat(run.problems()).as("fixture problems").isEmpty()));
        tests.add(DynamicTest.dynamicTest("every held suite ran",
                () -> assertThat(run.suites()).extracting(s -> s.suite().name())
                        .containsExactlyInAnyOrderElementsOf(HELD_SUITES)));
        // its answers quote the spans they cite, in any language and on any document: every sentence is grounded
        tests.add(DynamicTest.dynamicTest("the embedded default's grounding precision is 1.0",
                () -> assertThat(run.overall().groundingPrecision()).as("grounding precision%n%s", console)
                        .isEqualTo(1.0)));
        for (SuiteResult suite : run.suites()) {
            String name = suite.suite().name();
            Outcomes o = Metrics.of(suite.cases()).outcomes();
            Bars bars = FLOORS.stream().filter(b -> b.suite().equals(name)).findFirst().orElseThrow();
            tests.add(DynamicTest.dynamicTest(name + ": at least " + bars.answerableCorrect()
                            + " of the answerable questions correct and cited",
                    () -> assertThat(o.answerableCorrect()).as("%s answerable correct%n%s", name, console)
                            .isGreaterThanOrEqualTo(bars.answerableCorrect())));
            tests.add(DynamicTest.dynamicTest(name + ": at least " + bars.unanswerableRefused()
                            + " of the unanswerable questions refused",
                    () -> assertThat(o.unanswerableRefused()).as("%s unanswerable refused%n%s", name, console)
                            .isGreaterThanOrEqualTo(bars.unanswerableRefused())));
            tests.add(DynamicTest.dynamicTest(name + ": at most " + bars.wrongCitedRate()
                            + " of the answers wrong and cited",
                    () -> assertThat(o.wrongCitedRate()).as("%s wrong-cited rate (%d of %d)%n%s", name,
                                    o.wrongCited(), o.turns(), console)
                            .isLessThanOrEqualTo(bars.wrongCitedRate())));
            tests.add(DynamicTest.dynamicTest(name + " scores at least its minScore " + suite.suite().minScore(),
                    () -> assertThat(suite.score()).as("score of %s%n%s", name, console)
                            .isGreaterThanOrEqualTo(suite.suite().minScore())));
        }
        return tests;
    }

    /** Each suite's figures beside the targets, for the log. */
    static String targets(EvalRun run) {
        StringBuilder out = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%nsuite              answerable correct   unanswerable refused   wrong-cited rate"
                        + "   (measured / target)%n"));
        for (SuiteResult suite : run.suites()) {
            Outcomes o = Metrics.of(suite.cases()).outcomes();
            TARGETS.stream().filter(b -> b.suite().equals(suite.suite().name())).findFirst().ifPresent(t ->
                    out.append(String.format(java.util.Locale.ROOT,
                            "%-18s %.2f / %.2f          %.2f / %.2f            %.2f / %.2f%n",
                            t.suite(), o.answerableCorrect(), t.answerableCorrect(), o.unanswerableRefused(),
                            t.unanswerableRefused(), o.wrongCitedRate(), t.wrongCitedRate())));
        }
        return out.toString();
    }
}
