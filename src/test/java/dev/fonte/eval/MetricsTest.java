package dev.fonte.eval;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.corpus.Passage;
import dev.fonte.eval.fixture.Assertion;
import dev.fonte.eval.fixture.Case;
import dev.fonte.eval.fixture.Turn;
import dev.fonte.eval.run.CaseResult;
import dev.fonte.eval.run.Metrics;
import dev.fonte.eval.run.TurnResult;
import dev.fonte.eval.target.Reply;
import dev.fonte.eval.target.SourceMatcher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static dev.fonte.eval.CannedAnswers.citation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {

    @Test
    void citation_precision_counts_cited_spans_stating_an_expected_fact_and_recall_counts_facts_a_citation_supports() {
        // facts: "65 miliardi" (cited by [1]) and "38 miliardi" (in the answer, cited by no span); [2] states neither
        Turn turn = turn(List.of(new Assertion.ContainsAll(List.of("65 miliardi", "38 miliardi"))));
        Answer answer = new Answer("c", "65 miliardi [1], 38 miliardi [2].", true, "it",
                List.of(citation(1, "spenderà 65 miliardi"), citation(2, "Zuckerberg ha scritto su Facebook")), "m");

        Metrics m = Metrics.of(List.of(result(turn, answer, List.of(), 100)));

        assertThat(m.citationPrecision()).isEqualTo(0.5);
        assertThat(m.citationRecall()).isEqualTo(0.5);
    }

    @Test
    void refusal_precision_and_recall_compare_refusals_made_with_refusals_expected() {
        Answer refused = new Answer("c", "Non lo dice.", false, "it", List.of(), "m");
        Answer answered = new Answer("c", "Sì [1].", true, "it", List.of(citation(1, "sì")), "m");
        List<CaseResult> results = List.of(
                result(turn(List.of(new Assertion.Refuses(true))), refused, List.of(), 10),    // right refusal
                result(turn(List.of(new Assertion.Refuses(true))), answered, List.of(), 10),   // missed refusal
                result(turn(List.of(new Assertion.Refuses(false))), refused, List.of(), 10),   // wrong refusal
                result(turn(List.of(new Assertion.Refuses(false))), answered, List.of(), 10)); // right answer

        Metrics m = Metrics.of(results);

        assertThat(m.refusalPrecision()).isEqualTo(0.5);
        assertThat(m.refusalRecall()).isEqualTo(0.5);
        assertThat(m.accuracy()).isEqualTo(0.5);
    }

    @Test
    void retrieval_recall_at_k_and_mrr_use_the_rank_of_the_first_candidate_inside_the_named_passage() {
        Answer answer = new Answer("c", "x", true, "it", List.of(), "m");
        Turn atRank2 = new Turn("q1", List.of(), List.of("doc.p5"));
        Turn atRank4 = new Turn("q2", List.of(), List.of("doc.p1.s1"));
        Turn missing = new Turn("q3", List.of(), List.of("doc.p9"));
        List<AnswerEvent.Source> candidates = sources("doc.p50.s1", "doc.p5.s2", "doc.p1.s2", "doc.p1.s1");

        Metrics m = Metrics.of(List.of(result(atRank2, answer, candidates, 1), result(atRank4, answer, candidates, 1),
                result(missing, answer, candidates, 1)));

        assertThat(m.retrievalTurns()).isEqualTo(3);
        assertThat(m.recallAt1()).isEqualTo(0.0);
        assertThat(m.recallAt3()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(m.recallAtK()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(m.mrr()).isCloseTo((0.5 + 0.25 + 0) / 3, within(1e-9));
    }

    @Test
    void a_candidate_with_a_citation_id_matches_the_named_passage_its_span_overlaps() {
        Passage p5s2 = new Passage("doc.p5.s2", "doc", Passage.Kind.SENTENCE, 5, 2, 100, 110, "0123456789");
        SourceMatcher bySpan = SourceMatcher.bySpan(id -> id.equals(p5s2.id()) ? Optional.of(p5s2) : Optional.empty());

        assertThat(bySpan.matches(new AnswerEvent.Source("doc:100-110", "doc", "t", "x", 100, 110, 1), "doc.p5.s2")).isTrue();
        assertThat(bySpan.matches(new AnswerEvent.Source("doc:110-120", "doc", "t", "x", 110, 120, 1), "doc.p5.s2")).isFalse();
        assertThat(bySpan.matches(new AnswerEvent.Source("other:100-110", "other", "t", "x", 100, 110, 1), "doc.p5.s2")).isFalse();
    }

    @Test
    void latency_percentiles_are_nearest_rank_and_unmeasured_figures_are_null() {
        Answer answer = new Answer("c", "x", true, "it", List.of(), "m");
        List<CaseResult> results = java.util.stream.IntStream.rangeClosed(1, 20)
                .mapToObj(i -> result(turn(List.of()), answer, List.of(), i * 10L)).toList();

        Metrics m = Metrics.of(results);

        assertThat(m.latencyP50Millis()).isEqualTo(100);
        assertThat(m.latencyP95Millis()).isEqualTo(190);
        assertThat(m.mrr()).isNull();
        assertThat(m.refusalPrecision()).isNull();
        assertThat(m.citationRecall()).isNull();
    }

    private static Turn turn(List<Assertion> assertions) {
        return new Turn("q", assertions, List.of());
    }

    private static List<AnswerEvent.Source> sources(String... ids) {
        return java.util.Arrays.stream(ids).map(id -> new AnswerEvent.Source(id, "doc", "t", "x", 0, 1, 1.0)).toList();
    }

    private static CaseResult result(Turn turn, Answer answer, List<AnswerEvent.Source> candidates, long millis) {
        Case c = new Case("s", "id", List.of(turn), Set.of(), "f:1");
        Reply reply = new Reply(answer, candidates, Duration.ofMillis(millis));
        return new CaseResult(c, List.of(TurnResult.of(turn, reply, Optional.of(SourceMatcher.BY_ID))));
    }
}
