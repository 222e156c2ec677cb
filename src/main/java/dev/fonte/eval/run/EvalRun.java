package dev.fonte.eval.run;

import dev.fonte.eval.fixture.FixtureProblem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
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
        return byTag(cases().toList());
    }

    static Map<String, Metrics> byTag(List<CaseResult> cases) {
        return grouped(cases, c -> c.testCase().tags());
    }

    /** Metrics per expected answer language (the asker's), languages in alphabetical order. */
    public Map<String, Metrics> byLanguage() {
        return byLanguage(cases().toList());
    }

    static Map<String, Metrics> byLanguage(List<CaseResult> cases) {
        return grouped(cases, c -> c.testCase().language().stream().toList());
    }

    /** Metrics of the cases under each of their keys (a case with several keys counts under each), keys sorted. */
    private static Map<String, Metrics> grouped(List<CaseResult> cases, Function<CaseResult, Collection<String>> keys) {
        Map<String, List<CaseResult>> grouped = new TreeMap<>();
        cases.forEach(c -> keys.apply(c).forEach(k -> grouped.computeIfAbsent(k, x -> new ArrayList<>()).add(c)));
        Map<String, Metrics> metrics = new TreeMap<>();
        grouped.forEach((key, inGroup) -> metrics.put(key, Metrics.of(inGroup)));
        return metrics;
    }

    public boolean allSuitesPassed() {
        return suites.stream().allMatch(SuiteResult::passed);
    }
}
