package dev.fonte.eval.report;

import dev.fonte.eval.fixture.FixtureProblem;
import dev.fonte.eval.run.CaseResult;
import dev.fonte.eval.run.EvalRun;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A plain-text summary for a terminal or a CI log: suite and tag tables, then every failure and fixture problem. */
public final class ConsoleReport implements ReportWriter {

    @Override
    public void write(EvalRun run, Writer out) throws IOException {
        out.write("Fonte evaluation against " + run.target() + ": " + run.suites().size() + " suites, "
                + run.cases().count() + " cases in " + Format.seconds(run.duration().toMillis()) + "\n\n");
        table(MetricsTable.suites(run), out);
        out.write("\nOutcomes (every question asked, follow-ups included):\n");
        table(MetricsTable.outcomesBySuite(run), out);
        List<List<String>> languages = MetricsTable.outcomesByLanguage(run);
        if (languages.size() > 1) {
            out.write("\n");
            table(languages, out);
        }
        List<List<String>> tags = MetricsTable.tags(run);
        if (tags.size() > 1) {
            out.write("\n");
            table(tags, out);
            out.write("\n");
            table(MetricsTable.outcomesByTag(run), out);
        }
        List<CaseResult> failed = run.cases().filter(c -> !c.passed()).toList();
        if (!failed.isEmpty()) {
            out.write("\nFailures (" + failed.size() + "):\n");
            for (CaseResult c : failed) {
                Failure f = Failure.of(c);
                out.write("\n  FAIL " + f.caseId() + "  (" + f.location() + ")\n");
                out.write("    question:  " + f.question() + "\n");
                out.write("    answer:    " + oneLine(f.answer()) + "\n");
                out.write("    outcome:   " + f.outcome() + "\n");
                for (String citation : f.citations()) {
                    out.write("    citation:  " + oneLine(citation) + "\n");
                }
                for (String assertion : f.failed()) {
                    out.write("    failed:    " + assertion + "\n");
                }
            }
        }
        if (!run.problems().isEmpty()) {
            out.write("\nFixture problems (" + run.problems().size() + "):\n");
            for (FixtureProblem p : run.problems()) {
                out.write("  " + p + "\n");
            }
        }
        out.flush();
    }

    private static void table(List<List<String>> rows, Writer out) throws IOException {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = row.get(i);
                // names left-aligned, figures right-aligned
                line.append(i == 0 ? cell + " ".repeat(widths[i] - cell.length())
                        : " ".repeat(widths[i] - cell.length()) + cell).append("  ");
            }
            out.write(line.toString().stripTrailing() + "\n");
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
