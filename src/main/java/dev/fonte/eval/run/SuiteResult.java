package dev.fonte.eval.run;

import dev.fonte.eval.fixture.Suite;

import java.util.List;
import java.util.Map;

/** A suite's case results and its score against the suite's bar. */
public record SuiteResult(Suite suite, List<CaseResult> cases) {

    public SuiteResult {
        cases = List.copyOf(cases);
    }

    public long passedCount() {
        return cases.stream().filter(CaseResult::passed).count();
    }

    /** Passed cases over all cases; 1 for a suite with no cases (after a tag filter, say). */
    public double score() {
        return cases.isEmpty() ? 1.0 : (double) passedCount() / cases.size();
    }

    /** Metrics per expected answer language, for suites that mix languages (cross-language questions). */
    public Map<String, Metrics> byLanguage() {
        return EvalRun.byLanguage(cases);
    }

    /** Metrics per tag of this suite's cases. */
    public Map<String, Metrics> byTag() {
        return EvalRun.byTag(cases);
    }

    public boolean passed() {
        return score() + 1e-9 >= suite.minScore();
    }
}
