package dev.fonte.eval;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.corpus.Passage;
import dev.fonte.eval.fixture.Assertion;
import dev.fonte.eval.fixture.Case;
import dev.fonte.eval.fixture.Suite;
import dev.fonte.eval.fixture.Turn;
import dev.fonte.eval.run.CaseResult;
import dev.fonte.eval.run.EvalRun;
import dev.fonte.eval.run.Metrics;
import dev.fonte.eval.run.Outcome;
import dev.fonte.eval.run.Outcomes;
import dev.fonte.eval.run.SuiteResult;
import dev.fonte.eval.run.TurnResult;
import dev.fonte.eval.target.Reply;
import dev.fonte.eval.target.SourceMatcher;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
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

        assertThat(bySpan.matches(
                new AnswerEvent.Source("doc:100-110", "doc", "t", "x", 100, 110, 1), "doc.p5.s2")).isTrue();
        assertThat(bySpan.matches(
                new AnswerEvent.Source("doc:110-120", "doc", "t", "x", 110, 120, 1), "doc.p5.s2")).isFalse();
        assertThat(bySpan.matches(
                new AnswerEvent.Source("other:100-110", "other", "t", "x", 100, 110, 1), "doc.p5.s2")).isFalse();
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

    @Test
    void each_question_is_correct_refused_right_missed_wrong_cited_or_other() {
        // given one answerable and one unanswerable question, in Italian, as the fixture loader builds them
        Turn answerable = new Turn("Quanto spenderà Meta?", List.of(new Assertion.ContainsAny(List.of("65 miliardi")),
                new Assertion.Refuses(false), new Assertion.Language("it")), List.of());
        Turn unanswerable = new Turn("Dove sorgerà il data center?",
                List.of(new Assertion.Refuses(true), new Assertion.Language("it")), List.of());
        Answer right = new Answer("c", "65 miliardi [1].", true, "it", List.of(citation(1, "65 miliardi")), "m");
        Answer wrong = new Answer("c", "38 miliardi [1].", true, "it", List.of(citation(1, "38 miliardi")), "m");
        Answer refused = new Answer("c", "Non lo dice.", false, "it", List.of(), "m");
        Answer rightInEnglish = new Answer("c", "65 miliardi [1].", true, "en",
                List.of(citation(1, "65 miliardi")), "m");
        Answer wrongUncited = new Answer("c", "38 miliardi.", true, "it", List.of(), "m");

        // when each is answered in one of the ways an engine can answer
        List<CaseResult> results = List.of(
                result(answerable, right, List.of(), 1),
                result(unanswerable, refused, List.of(), 1),
                result(answerable, refused, List.of(), 1),
                result(answerable, wrong, List.of(), 1),
                result(unanswerable, right, List.of(), 1),
                result(answerable, rightInEnglish, List.of(), 1),
                result(answerable, wrongUncited, List.of(), 1));

        // then every question has one outcome, and the rates are taken over the right denominators
        assertThat(results.stream().map(r -> r.turns().get(0).outcome()).toList()).containsExactly(
                Outcome.CORRECT, Outcome.REFUSED_RIGHT, Outcome.MISSED, Outcome.WRONG_CITED, Outcome.WRONG_CITED,
                Outcome.OTHER, Outcome.OTHER);
        Outcomes o = Metrics.of(results).outcomes();
        assertThat(List.of(o.turns(), o.correct(), o.refusedRight(), o.missed(), o.wrongCited(), o.other()))
                .containsExactly(7, 1, 1, 1, 2, 2);
        assertThat(o.accuracy()).isCloseTo(2 / 7.0, within(1e-9));
        assertThat(o.answerableCorrect()).isCloseTo(1 / 5.0, within(1e-9));
        assertThat(o.unanswerableRefused()).isEqualTo(0.5);
        assertThat(o.wrongCitedRate()).isCloseTo(2 / 7.0, within(1e-9));
    }

    @Test
    void every_turn_of_a_follow_up_is_counted_and_a_turn_without_an_answer_is_other() {
        Turn first = turn(List.of(new Assertion.ContainsAny(List.of("65 miliardi"))));
        Turn second = turn(List.of(new Assertion.ContainsAny(List.of("38 miliardi"))));
        Answer answer = new Answer("c", "65 miliardi [1].", true, "it", List.of(citation(1, "65 miliardi")), "m");
        Case followUp = new Case("s", "followup", List.of(first, second), Set.of(), "f:1");
        Reply reply = new Reply(answer, List.of(), Duration.ofMillis(1));
        CaseResult asked = new CaseResult(followUp, List.of(TurnResult.of(first, reply, Optional.empty()),
                TurnResult.of(second, reply, Optional.empty())));
        CaseResult unreachable = new CaseResult(new Case("s", "down", List.of(first), Set.of(), "f:2"),
                List.of(failedTurn(first)));

        Outcomes o = Metrics.of(List.of(asked, unreachable)).outcomes();

        assertThat(List.of(o.turns(), o.correct(), o.wrongCited(), o.other())).containsExactly(3, 1, 1, 1);
        assertThat(o.unanswerableRefused()).as("no unanswerable question: not measured").isNull();
    }

    @Test
    void outcomes_are_grouped_by_the_language_the_question_expects_its_answer_in() {
        Turn italian = new Turn("Chi è il CEO?",
                List.of(new Assertion.Refuses(false), new Assertion.Language("it")), List.of());
        Turn english = new Turn("Who is the CEO?",
                List.of(new Assertion.Refuses(false), new Assertion.Language("en")), List.of());
        Answer it = new Answer("c", "Zuckerberg [1].", true, "it", List.of(citation(1, "Zuckerberg")), "m");
        Answer refusedInEnglish = new Answer("c", "It does not say.", false, "en", List.of(), "m");
        EvalRun run = new EvalRun("t", List.of(new SuiteResult(new Suite("cross", "", 1, "f", List.of()), List.of(
                result(italian, it, List.of(), 1), result(english, refusedInEnglish, List.of(), 1),
                result(english, refusedInEnglish, List.of(), 1)))), List.of(), Duration.ZERO);

        Map<String, Metrics> byLanguage = run.byLanguage();

        assertThat(byLanguage).containsOnlyKeys("en", "it");
        assertThat(byLanguage.get("it").outcomes().correct()).isEqualTo(1);
        assertThat(byLanguage.get("en").outcomes().missed()).isEqualTo(2);
        assertThat(run.suites().get(0).byLanguage()).isEqualTo(byLanguage);
    }

    private static TurnResult failedTurn(Turn turn) {
        // the runner's record of a target that gave no answer
        return new TurnResult(turn, null, List.of(), null, "connection refused");
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
