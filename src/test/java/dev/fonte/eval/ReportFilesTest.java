package dev.fonte.eval;

import dev.fonte.eval.target.InProcessTarget;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static dev.fonte.eval.CannedAnswers.citation;
import static org.assertj.core.api.Assertions.assertThat;

/** A report is written only where asked, and never over an existing file (a committed report) unless told to. */
class ReportFilesTest {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final String FIXTURE = """
            suite: files
            minScore: 1.0
            cases:
              - id: capex
                question: "Quanto spenderà Meta nel 2025?"
                assert: [ {cites: "65 miliardi"} ]
            """;

    @TempDir
    Path dir;

    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final CannedAnswers answers = new CannedAnswers().answer("Quanto spenderà Meta nel 2025?", "65 miliardi [1].",
            citation(1, "tra i 60 e i 65 miliardi di dollari"));

    int run(String... args) {
        return new Evaluation((url, timeout, corpora) -> new InProcessTarget(answers, Duration.ofSeconds(5)), JSON,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void given_a_report_file_that_exists_then_the_run_stops_before_asking_and_the_file_is_untouched()
            throws IOException {
        Path fixture = Files.writeString(dir.resolve("files.yaml"), FIXTURE);
        Path committed = Files.writeString(dir.resolve("eval-report.md"), "# the committed report\n");

        int code = run(fixture.toString(), "--markdown", committed.toString());

        assertThat(code).isEqualTo(Evaluation.BAD_INPUT);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("eval-report.md exists").contains("--overwrite");
        assertThat(Files.readString(committed)).isEqualTo("# the committed report\n");
    }

    @Test
    void given_overwrite_then_an_existing_report_is_replaced() throws IOException {
        Path fixture = Files.writeString(dir.resolve("files.yaml"), FIXTURE);
        Path committed = Files.writeString(dir.resolve("eval-report.md"), "# the committed report\n");

        int code = run(fixture.toString(), "--markdown", committed.toString(), "--overwrite");

        assertThat(code).isEqualTo(Evaluation.OK);
        assertThat(Files.readString(committed)).doesNotContain("the committed report").contains("files");
    }

    @Test
    void given_no_report_option_then_no_file_is_written() throws IOException {
        Path fixture = Files.writeString(dir.resolve("files.yaml"), FIXTURE);

        run(fixture.toString());

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(fixture);
        }
    }
}
