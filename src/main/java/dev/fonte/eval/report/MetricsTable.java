package dev.fonte.eval.report;

import dev.fonte.eval.run.EvalRun;
import dev.fonte.eval.run.Metrics;
import dev.fonte.eval.run.Outcomes;
import dev.fonte.eval.run.SuiteResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rows of the metric tables, shared by the console and Markdown reports. */
final class MetricsTable {

    static final List<String> METRIC_HEADER = List.of("cases", "passed", "accuracy", "cite P", "cite R",
            "ground P", "refuse P", "refuse R", "R@1", "R@3", "R@k", "MRR", "p50 ms", "p95 ms");

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

    static final List<String> OUTCOME_HEADER = List.of("questions", "correct", "refused-right", "missed",
            "wrong-cited", "other", "accuracy", "answerable correct", "unanswerable refused", "wrong-cited rate");

    /** Outcomes per suite, with a row per language under a suite that mixes languages, then the overall row. */
    static List<List<String>> outcomesBySuite(EvalRun run) {
        List<List<String>> rows = outcomeRows("suite");
        for (SuiteResult s : run.suites()) {
            rows.add(outcomeRow(s.suite().name(), Metrics.of(s.cases())));
            Map<String, Metrics> languages = s.byLanguage();
            if (languages.size() > 1) {
                languages.forEach((language, m) -> rows.add(outcomeRow(s.suite().name() + " (" + language + ")", m)));
            }
        }
        rows.add(outcomeRow("overall", run.overall()));
        return rows;
    }

    /** Outcomes per language the questions were asked in, over all suites. */
    static List<List<String>> outcomesByLanguage(EvalRun run) {
        return outcomeTable("language", run.byLanguage());
    }

    static List<List<String>> outcomesByTag(EvalRun run) {
        return outcomeTable("tag", run.byTag());
    }

    private static List<List<String>> outcomeTable(String name, Map<String, Metrics> groups) {
        List<List<String>> rows = outcomeRows(name);
        groups.forEach((key, m) -> rows.add(outcomeRow(key, m)));
        return rows;
    }

    private static List<List<String>> outcomeRows(String name) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(name));
        header.addAll(OUTCOME_HEADER);
        rows.add(header);
        return rows;
    }

    private static List<String> outcomeRow(String name, Metrics m) {
        Outcomes o = m.outcomes();
        return List.of(name, String.valueOf(o.turns()), String.valueOf(o.correct()), String.valueOf(o.refusedRight()),
                String.valueOf(o.missed()), String.valueOf(o.wrongCited()), String.valueOf(o.other()),
                Format.ratio(o.accuracy()), Format.ratio(o.answerableCorrect()), Format.ratio(o.unanswerableRefused()),
                Format.ratio(o.wrongCitedRate()));
    }

    private static List<String> cells(Metrics m) {
        return List.of(String.valueOf(m.cases()), String.valueOf(m.passed()), Format.ratio(m.accuracy()),
                Format.ratio(m.citationPrecision()), Format.ratio(m.citationRecall()),
                Format.ratio(m.groundingPrecision()), Format.ratio(m.refusalPrecision()),
                Format.ratio(m.refusalRecall()),
                Format.ratio(m.recallAt1()), Format.ratio(m.recallAt3()), Format.ratio(m.recallAtK()),
                Format.ratio(m.mrr()), String.valueOf(m.latencyP50Millis()), String.valueOf(m.latencyP95Millis()));
    }
}
