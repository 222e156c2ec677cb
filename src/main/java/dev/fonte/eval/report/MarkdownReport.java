package dev.fonte.eval.report;

import dev.fonte.eval.fixture.FixtureProblem;
import dev.fonte.eval.run.CaseResult;
import dev.fonte.eval.run.EvalRun;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** A report readable in a pull request: summary tables, then each failure with its question, answer and citations. */
public final class MarkdownReport implements ReportWriter {

    @Override
    public void write(EvalRun run, Writer out) throws IOException {
        out.write("# Fonte evaluation\n\n");
        out.write("Target: `" + run.target() + "`, " + run.cases().count() + " cases in "
                + Format.seconds(run.duration().toMillis()) + ". Result: **"
                + (run.allSuitesPassed() && run.problems().isEmpty() ? "PASS" : "FAIL") + "**.\n\n");
        out.write("## Suites\n\n");
        table(MetricsTable.suites(run), out);
        out.write("\ncite P / cite R: citation precision and recall (ALCE); refuse P / refuse R: refusal precision and "
                + "recall; R@n, MRR: retrieval of the cases' named sources; a dash: nothing measured it.\n\n");
        out.write("## Outcomes\n\n");
        out.write("Every question asked, follow-ups included, is one of: **correct** (answered, cited, every assertion "
                + "passed), **refused-right** (unanswerable and refused), **missed** (answerable but refused), "
                + "**wrong-cited** (answered with citations that fail a content assertion, or an unanswerable "
                + "question answered), **other** (no answer, no citation, or the wrong language). Accuracy: (correct "
                + "+ refused-right) / questions; answerable correct: correct / answerable; unanswerable refused: "
                + "refused-right / unanswerable; wrong-cited rate: wrong-cited / questions.\n\n");
        table(MetricsTable.outcomesBySuite(run), out);
        out.write("\n### By language asked\n\n");
        table(MetricsTable.outcomesByLanguage(run), out);
        out.write("\n## By tag\n\n");
        table(MetricsTable.tags(run), out);
        out.write("\n### Outcomes by tag\n\n");
        table(MetricsTable.outcomesByTag(run), out);
        List<CaseResult> failed = run.cases().filter(c -> !c.passed()).toList();
        out.write("\n## Failures (" + failed.size() + ")\n");
        if (failed.isEmpty()) {
            out.write("\nNone.\n");
        }
        for (CaseResult c : failed) {
            Failure f = Failure.of(c);
            out.write("\n### " + inline(f.caseId()) + "\n\n");
            out.write("- **Fixture:** `" + f.location() + "`\n");
            out.write("- **Question:** " + inline(f.question()) + "\n");
            out.write("- **Answer:** " + (f.answer().isBlank() ? "_(none)_" : inline(f.answer())) + "\n");
            out.write("- **Outcome:** " + f.outcome() + "\n");
            if (!f.citations().isEmpty()) {
                out.write("- **Citations:**\n");
                for (String citation : f.citations()) {
                    out.write("  - " + inline(citation) + "\n");
                }
            }
            for (String assertion : f.failed()) {
                out.write("- **Failed:** " + inline(assertion) + "\n");
            }
        }
        if (!run.problems().isEmpty()) {
            out.write("\n## Fixture problems (" + run.problems().size() + ")\n\n");
            for (FixtureProblem p : run.problems()) {
                out.write("- `" + p.file() + ":" + p.line() + "` " + inline(p.message()) + "\n");
            }
        }
        out.flush();
    }

    private static void table(List<List<String>> rows, Writer out) throws IOException {
        for (int r = 0; r < rows.size(); r++) {
            out.write("| " + String.join(" | ", rows.get(r).stream().map(MarkdownReport::cell).toList()) + " |\n");
            if (r == 0) {
                out.write("|" + "---|".repeat(rows.get(0).size()) + "\n");
            }
        }
    }

    private static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** One line, with Markdown's active characters at line start and HTML neutralised. */
    private static String inline(String text) {
        return text.replaceAll("\\s+", " ").strip().replace("<", "&lt;").replace(">", "&gt;");
    }
}
