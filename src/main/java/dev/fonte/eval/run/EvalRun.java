package dev.fonte.eval.run;

import dev.fonte.eval.fixture.FixtureProblem;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Everything one evaluation produced: what reports are written from. */
public record EvalRun(String target, List<SuiteResult> suites, List<FixtureProblem> problems, Duration duration) {

    public EvalRun {
        suites = List.copyOf(suites);
        problems = List.copyOf(problems);
    }

    public Stream<CaseResult> cases() {
        return suites.stream().flatMap(s -> s.cases().stream());
    }

    public Metrics overall() {
        return Metrics.of(cases().toList());
    }

    /** Metrics per tag (language, topic, kind), tags in alphabetical order. */
    public Map<String, Metrics> byTag() {
        Map<String, List<CaseResult>> grouped = new TreeMap<>();
        cases().forEach(c -> c.testCase().tags().forEach(t -> grouped.computeIfAbsent(t, k -> new java.util.ArrayList<>()).add(c)));
        Map<String, Metrics> metrics = new TreeMap<>();
        grouped.forEach((tag, cases) -> metrics.put(tag, Metrics.of(cases)));
        return metrics;
    }

    public boolean allSuitesPassed() {
        return suites.stream().allMatch(SuiteResult::passed);
    }
}
