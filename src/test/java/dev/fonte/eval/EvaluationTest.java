package dev.fonte.eval;

import dev.fonte.eval.target.InProcessTarget;
import dev.fonte.eval.target.TargetException;
import dev.fonte.eval.target.TargetFactory;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.fonte.eval.CannedAnswers.citation;
import static org.assertj.core.api.Assertions.assertThat;

/** The command line end to end, against the in-process target over a canned answer service. */
class EvaluationTest {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private CannedAnswers answers;

    @BeforeEach
    void cannedAnswers() {
        answers = new CannedAnswers()
                .answer("Quanto spenderà Meta nel 2025?", "Tra 60 e 65 miliardi di dollari [1].",
                        citation(1, "una spesa in conto capitale tra i 60 e i 65 miliardi di dollari"))
                .candidates("Quanto spenderà Meta nel 2025?", "meta-ai-2025-it.p4.s1", "meta-ai-2025-it.p5.s2")
                .answer("E l'anno scorso?", "Nel 2024 ha speso 38 miliardi [1].", citation(1, "38 miliardi nel 2024"))
                .answer("Quante GPU avrà?", "Oltre 1,3 milioni di GPU [1].", citation(1, "più di 1.3 milioni di GPU"));
    }

    private static final String PASSING = """
            suite: passing
            minScore: 1.0
            defaults:
              language: it
            cases:
              - id: capex
                question: "Quanto spenderà Meta nel 2025?"
                tags: [capex]
                source: meta-ai-2025-it.p5
                assert:
                  - contains-any: ["65 miliardi"]
                  - cites: "65 miliardi"
              - id: gpus
                question: "Quante GPU avrà?"
                assert:
                  - contains-all: ["1.3 milioni", "GPU"]
              - id: location
                question: "In quale stato sorgerà il data center?"
                tags: [unanswerable]
                assert:
                  - refuses: true
              - id: followup
                turns:
                  - question: "Quanto spenderà Meta nel 2025?"
                  - question: "E l'anno scorso?"
                    assert: [ {contains-any: ["38 miliardi"]} ]
            """;

    private static final String FAILING = """
            suite: failing
            minScore: 0.75
            cases:
              - id: capex-wrong
                question: "Quanto spenderà Meta nel 2025?"
                assert:
                  - contains-any: ["100 miliardi"]
              - id: refused-answerable
                question: "Chi è il CEO di Meta?"
                assert:
                  - contains-any: ["Zuckerberg"]
            """;

    @Test
    void exits_zero_when_every_suite_reaches_its_minimum_and_shows_progress_on_stderr() throws IOException {
        int code = run(file("passing.yaml", PASSING).toString(), "--parallel", "2");

        assertThat(code).isZero();
        assertThat(stdout()).contains("passing").contains("PASS").doesNotContain("Failures");
        assertThat(stderr()).contains("[4/4]");
        assertThat(answers.conversationIdsAsked).containsKey("E l'anno scorso?");
    }

    @Test
    void exits_one_when_a_suite_scores_under_its_minimum_and_shows_each_failure() throws IOException {
        int code = run(file("passing.yaml", PASSING).toString(), file("failing.yaml", FAILING).toString(), "--quiet");

        assertThat(code).isEqualTo(Evaluation.UNDER_MINIMUM);
        assertThat(stdout())
                .contains("FAIL failing/capex-wrong")
                .contains("question:  Quanto spenderà Meta nel 2025?")
                .contains("answer:    Tra 60 e 65 miliardi di dollari [1].")
                .contains("citation:  [1] \"una spesa in conto capitale")
                .contains("failed:    contains-any [\"100 miliardi\"]: the answer contains none of [\"100 miliardi\"]")
                .contains("failed:    refuses false: the bot refused an answerable question");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void bad_fixtures_are_reported_with_file_and_line_the_other_cases_still_run_and_the_exit_code_is_two()
            throws IOException {
        Path bad = file("bad.yaml", """
                suite: bad
                cases:
                  - id: unknown-assertion
                    question: "Quanto spenderà Meta nel 2025?"
                    assert:
                      - contains-some: ["65"]
                  - id: no-question
                    assert: [ {refuses: true} ]
                  - id: still-runs
                    question: "Quante GPU avrà?"
                    assert: [ {contains-any: ["1, 3 milioni"]} ]
                """);
        Path broken = file("broken.yaml", "suite: broken\ncases: [\n  - id: x\n");
        Path junit = dir.resolve("out/junit.xml");

        int code = run(bad.toString(), broken.toString(), "--quiet", "--junit", junit.toString());

        assertThat(code).isEqualTo(Evaluation.BAD_INPUT);
        assertThat(stderr())
                .contains(bad + ":6: unknown assertion 'contains-some'")
                .contains(bad + ":7: case 'no-question' has no question")
                .contains(broken + ":")
                .contains("invalid YAML")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(stdout()).contains("bad").contains("Fixture problems (3)");
        Document xml = parseXml(junit);
        assertThat(testcase(xml, "still-runs").getElementsByTagName("failure").getLength()).isZero();
        assertThat(xml.getElementsByTagName("error").getLength()).isEqualTo(3);
    }

    @Test
    void writes_json_markdown_and_junit_reports_that_parse_back() throws Exception {
        Reports reports = runPassingAndFailingWithEveryReport();

        Map<?, ?> report = JSON.readValue(Files.readString(reports.json()), Map.class);
        assertThat(report.get("passed")).isEqualTo(false);
        Map<?, ?> overall = (Map<?, ?>) report.get("overall");
        assertThat(overall.get("cases")).isEqualTo(6);
        assertThat(overall.get("passed")).isEqualTo(4);
        assertThat(overall.get("mrr")).isEqualTo(0.5);
        assertThat(((Map<?, ?>) report.get("byTag")).keySet()).map(Object::toString)
                .contains("capex", "unanswerable", "it");
        assertThat((List<?>) report.get("suites")).hasSize(2);

        assertThat(Files.readString(reports.markdown()))
                .contains("| passing | 1.00 | PASS | 4 | 4 | 1.00 |")
                .contains("### failing/capex-wrong")
                .contains("- **Question:** Quanto spenderà Meta nel 2025?")
                .contains("- **Answer:** Tra 60 e 65 miliardi di dollari [1].")
                .contains("- **Failed:** contains-any [\"100 miliardi\"]");

        Document xml = parseXml(reports.junit());
        Element root = xml.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("6");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(6);
        Element failure = (Element) testcase(xml, "capex-wrong").getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).contains("contains-any [\"100 miliardi\"]");
        assertThat(failure.getTextContent()).contains("question: Quanto spenderà Meta nel 2025?",
                "answer: Tra 60 e 65 miliardi", "citation: [1]");
        assertThat(testcase(xml, "capex").getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void every_report_counts_wrong_and_cited_answers_apart_from_refusals_per_suite_language_and_tag() throws Exception {
        // given: "failing" has one answer with a citation that fails its content check, and one answerable refusal
        Reports reports = runPassingAndFailingWithEveryReport();

        // passing: 5 questions (the follow-up counts twice), 4 correct, 1 refused as expected
        assertThat(stdout())
                .contains("Outcomes (every question asked")
                .containsPattern("passing\\s+5\\s+4\\s+1\\s+0\\s+0\\s+0\\s+1\\.00\\s+1\\.00\\s+1\\.00\\s+0\\.00")
                .containsPattern("failing\\s+2\\s+0\\s+0\\s+1\\s+1\\s+0\\s+0\\.00\\s+0\\.00\\s+-\\s+0\\.50")
                .containsPattern("(?m)^it\\s+5\\s+4\\s+1")
                .containsPattern("(?m)^unanswerable\\s+1\\s+0\\s+1")
                .contains("outcome:   wrong-cited")
                .contains("outcome:   missed");
        assertThat(Files.readString(reports.markdown()))
                .contains("## Outcomes")
                .contains("| failing | 2 | 0 | 0 | 1 | 1 | 0 | 0.00 | 0.00 | - | 0.50 |")
                .contains("### By language asked")
                .contains("### Outcomes by tag")
                .contains("- **Outcome:** wrong-cited");
        Map<?, ?> report = JSON.readValue(Files.readString(reports.json()), Map.class);
        Map<?, ?> failing = (Map<?, ?>) ((List<?>) report.get("suites")).get(1);
        Map<?, ?> outcomes = (Map<?, ?>) ((Map<?, ?>) failing.get("metrics")).get("outcomes");
        assertThat(outcomes.get("wrongCited")).isEqualTo(1);
        assertThat(outcomes.get("missed")).isEqualTo(1);
        Map<?, ?> italian = (Map<?, ?>) ((Map<?, ?>) report.get("byLanguage")).get("it");
        assertThat(((Map<?, ?>) italian.get("outcomes")).get("correct")).isEqualTo(4);
        Document xml = parseXml(reports.junit());
        assertThat(property(xml, "failing", "outcomes.wrongCited")).isEqualTo("1");
        assertThat(property(xml, "failing", "outcomes.wrongCitedRate")).isEqualTo("0.5000");
        assertThat(property(xml, "passing", "language.it.answerableCorrect")).isEqualTo("1.0000");
        assertThat(property(xml, "passing", "tag.unanswerable.unanswerableRefused")).isEqualTo("1.0000");
    }

    @Test
    void corpus_folders_given_on_the_command_line_reach_the_in_process_target_in_order() throws IOException {
        List<List<Path>> opened = new java.util.ArrayList<>();
        Evaluation evaluation = new Evaluation((url, timeout, corpora) -> {
            opened.add(corpora);
            return new InProcessTarget(answers, Duration.ofSeconds(5));
        }, JSON, print(out), print(err));

        int code = evaluation.run(file("passing.yaml", PASSING).toString(), "--quiet",
                "--corpus", "corpus", "--corpus", "src/test/resources/generality/corpus");

        assertThat(code).isZero();
        assertThat(opened).containsExactly(List.of(Path.of("corpus"), Path.of("src/test/resources/generality/corpus")));
    }

    @Test
    void a_corpus_folder_with_a_server_url_is_a_usage_error() throws IOException {
        int code = run(file("passing.yaml", PASSING).toString(),
                "--url", "http://localhost:8080", "--corpus", "corpus");

        assertThat(code).isEqualTo(Evaluation.BAD_INPUT);
        assertThat(stderr()).contains("--corpus works in-process only");
    }

    @Test
    void runs_only_cases_with_the_requested_tag() throws IOException {
        int code = run(file("passing.yaml", PASSING).toString(), file("failing.yaml", FAILING).toString(),
                "--tag", "unanswerable", "--quiet");

        assertThat(code).isZero();
        assertThat(stdout()).contains("1 suites, 1 cases");
    }

    @Test
    void a_target_that_cannot_start_exits_two_with_its_reason() throws IOException {
        Evaluation evaluation = new Evaluation((url, timeout, corpora) -> {
            throw new TargetException("cannot reach http://localhost:1/api/chat/stream");
        }, JSON, print(out), print(err));

        assertThat(evaluation.run(file("passing.yaml", PASSING).toString())).isEqualTo(Evaluation.BAD_INPUT);
        assertThat(stderr()).contains("error: cannot reach http://localhost:1");
    }

    @Test
    void rejects_an_unknown_option_with_the_usage_text() {
        assertThat(run("--paralel", "2")).isEqualTo(Evaluation.BAD_INPUT);
        assertThat(stderr()).contains("unknown option --paralel").contains("Usage: EvalMain");
    }

    private record Reports(Path json, Path markdown, Path junit) {
    }

    private Reports runPassingAndFailingWithEveryReport() throws IOException {
        Reports reports = new Reports(dir.resolve("report.json"), dir.resolve("report.md"), dir.resolve("junit.xml"));
        run(file("passing.yaml", PASSING).toString(), file("failing.yaml", FAILING).toString(), "--quiet",
                "--json", reports.json().toString(), "--markdown", reports.markdown().toString(),
                "--junit", reports.junit().toString());
        return reports;
    }

    private int run(String... args) {
        TargetFactory canned = (url, timeout, corpora) -> new InProcessTarget(answers, Duration.ofSeconds(5));
        return new Evaluation(canned, JSON, print(out), print(err)).run(args);
    }

    private Path file(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static Document parseXml(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new AssertionError("JUnit XML does not parse: " + e.getMessage(), e);
        }
    }

    private static String property(Document xml, String suite, String name) {
        NodeList suites = xml.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element s = (Element) suites.item(i);
            if (!s.getAttribute("name").equals(suite)) {
                continue;
            }
            NodeList properties = s.getElementsByTagName("property");
            for (int j = 0; j < properties.getLength(); j++) {
                Element p = (Element) properties.item(j);
                if (p.getAttribute("name").equals(name)) {
                    return p.getAttribute("value");
                }
            }
        }
        throw new AssertionError("no property " + name + " in suite " + suite);
    }

    private static Element testcase(Document xml, String name) {
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + name);
    }
}
