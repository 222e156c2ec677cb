package dev.fonte.eval.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fonte.eval.run.CaseResult;
import dev.fonte.eval.run.EvalRun;
import dev.fonte.eval.run.Metrics;
import dev.fonte.eval.run.SuiteResult;
import dev.fonte.eval.run.TurnResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

/** The whole run as JSON, for dashboards and for comparing runs. */
public final class JsonReport implements ReportWriter {

    private final ObjectMapper json;

    public JsonReport(ObjectMapper json) {
        this.json = json;
    }

    @Serdeable
    record Run(String target, boolean passed, long durationMillis, Metrics overall, Map<String, Metrics> byLanguage,
               Map<String, Metrics> byTag, List<Suite> suites, List<String> problems) {
    }

    @Serdeable
    record Suite(String name, String file, double minScore, double score, boolean passed, Metrics metrics,
                 Map<String, Metrics> byLanguage, List<Case> cases) {
    }

    @Serdeable
    record Case(String id, String location, List<String> tags, boolean passed, long latencyMillis, List<Turn> turns) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Turn(String question, String outcome, @Nullable String answer, @Nullable Boolean answered,
                @Nullable String language, List<String> citations, List<String> candidates, List<String> failed,
                @Nullable String error) {
    }

    @Override
    public void write(EvalRun run, Writer out) throws IOException {
        Run view = new Run(run.target(), run.allSuitesPassed() && run.problems().isEmpty(), run.duration().toMillis(),
                run.overall(), run.byLanguage(), run.byTag(), run.suites().stream().map(JsonReport::suite).toList(),
                run.problems().stream().map(Object::toString).toList());
        out.write(json.writeValueAsString(view));
        out.write("\n");
        out.flush();
    }

    private static Suite suite(SuiteResult s) {
        return new Suite(s.suite().name(), s.suite().file(), s.suite().minScore(), s.score(), s.passed(),
                Metrics.of(s.cases()), s.byLanguage(), s.cases().stream().map(JsonReport::testCase).toList());
    }

    private static Case testCase(CaseResult c) {
        return new Case(c.testCase().id(), c.testCase().location(), c.testCase().tags().stream().sorted().toList(),
                c.passed(), c.latencyMillis(), c.turns().stream().map(JsonReport::turn).toList());
    }

    private static Turn turn(TurnResult t) {
        List<String> failed = t.failures().stream()
                .map(f -> f.assertion().describe() + ": " + f.verdict().detail()).toList();
        if (t.reply() == null) {
            return new Turn(t.turn().question(), t.outcome().label(), null, null, null, List.of(), List.of(), failed,
                    t.error());
        }
        var answer = t.reply().answer();
        return new Turn(t.turn().question(), t.outcome().label(), answer.answer(), answer.answered(), answer.language(),
                answer.citations().stream().map(Failure::citation).toList(),
                t.reply().candidates().stream().map(s -> s.id()).toList(), failed, null);
    }
}
