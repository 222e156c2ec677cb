package dev.fonte.eval.report;

import dev.fonte.eval.run.EvalRun;
import dev.fonte.eval.run.Metrics;
import dev.fonte.eval.run.SuiteResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rows of the metric tables, shared by the console and Markdown reports. */
final class MetricsTable {

    static final List<String> METRIC_HEADER = List.of("cases", "passed", "accuracy", "cite P", "cite R",
            "refuse P", "refuse R", "R@1", "R@3", "R@k", "MRR", "p50 ms", "p95 ms");

    private MetricsTable() {
    }

    /** One row per suite, then the overall row. */
    static List<List<String>> suites(EvalRun run) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("suite", "min", "status"));
        header.addAll(METRIC_HEADER);
        rows.add(header);
        for (SuiteResult s : run.suites()) {
            List<String> row = new ArrayList<>(List.of(s.suite().name(), Format.ratio(s.suite().minScore()),
                    s.passed() ? "PASS" : "FAIL"));
            row.addAll(cells(Metrics.of(s.cases())));
            rows.add(row);
        }
        List<String> overall = new ArrayList<>(List.of("overall", "", run.allSuitesPassed() ? "PASS" : "FAIL"));
        overall.addAll(cells(run.overall()));
        rows.add(overall);
        return rows;
    }

    static List<List<String>> tags(EvalRun run) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("tag"));
        header.addAll(METRIC_HEADER);
        rows.add(header);
        for (Map.Entry<String, Metrics> e : run.byTag().entrySet()) {
            List<String> row = new ArrayList<>(List.of(e.getKey()));
            row.addAll(cells(e.getValue()));
            rows.add(row);
        }
        return rows;
    }

    private static List<String> cells(Metrics m) {
        return List.of(String.valueOf(m.cases()), String.valueOf(m.passed()), Format.ratio(m.accuracy()),
                Format.ratio(m.citationPrecision()), Format.ratio(m.citationRecall()),
                Format.ratio(m.refusalPrecision()), Format.ratio(m.refusalRecall()),
                Format.ratio(m.recallAt1()), Format.ratio(m.recallAt3()), Format.ratio(m.recallAtK()),
                Format.ratio(m.mrr()), String.valueOf(m.latencyP50Millis()), String.valueOf(m.latencyP95Millis()));
    }
}
