package dev.fonte.eval.run;

import dev.fonte.answer.Answer;
import dev.fonte.eval.fixture.Assertion;
import dev.fonte.eval.fixture.Fact;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The figures of a set of case results (a whole run, a suite, a tag). A figure is null when nothing measured it
 * (no case names a source, no refusal was expected or made, ...).
 *
 * @param accuracy           passed cases / cases
 * @param citationPrecision  ALCE-style, over answers with expected facts: citations whose span (or original) states
 *                           an expected fact / all their citations
 * @param citationRecall     expected facts (a {@code cites} value, a {@code contains-*} value) stated by some
 *                           citation / expected facts, over turns that should be answered
 * @param groundingPrecision over answered turns: sentences whose figures, names and content words are in the spans
 *                           they cite / sentences ({@link GroundingCheck}); 1.0 for the embedded engine by construction
 * @param refusalPrecision   refusals that the fixture expected / refusals
 * @param refusalRecall      expected refusals that happened / expected refusals
 * @param recallAt1          over turns naming a source: share of named sources among the first candidate
 * @param recallAtK          ... among all candidates the target returned (its retrieval k)
 * @param mrr                mean of 1 / rank of the first candidate matching a named source (0 when none does)
 * @param retrievalTurns     how many turns named a source
 * @param latencyP50Millis   per question, nearest-rank percentile
 * @param outcomes           every asked question counted as correct, refused-right, missed, wrong-cited or other
 */
@Serdeable
public record Metrics(int cases, int passed, double accuracy,
                      @Nullable Double citationPrecision, @Nullable Double citationRecall,
                      @Nullable Double groundingPrecision, int groundedSentences,
                      @Nullable Double refusalPrecision, @Nullable Double refusalRecall,
                      @Nullable Double recallAt1, @Nullable Double recallAt3, @Nullable Double recallAtK,
                      @Nullable Double mrr, int retrievalTurns, long latencyP50Millis, long latencyP95Millis,
                      Outcomes outcomes) {

    public static Metrics of(List<CaseResult> results) {
        int passed = (int) results.stream().filter(CaseResult::passed).count();
        List<TurnResult> turns = results.stream().flatMap(c -> c.turns().stream()).toList();
        List<TurnResult> answeredTurns = turns.stream().filter(t -> t.reply() != null).toList();

        int citationsSupporting = 0;
        int citationsTotal = 0;
        int factsSupported = 0;
        int factsTotal = 0;
        int refusalsExpectedAndMade = 0;
        int refusalsMade = 0;
        int refusalsExpected = 0;
        for (TurnResult t : answeredTurns) {
            Answer answer = t.reply().answer();
            List<Fact> facts = t.turn().expectedFacts();
            boolean expectsRefusal = t.turn().expectsRefusal();
            if (!facts.isEmpty() && !expectsRefusal) {
                factsTotal += facts.size();
                factsSupported += (int) facts.stream().filter(f -> supportedByACitation(f, answer)).count();
                if (answer.answered()) {
                    citationsTotal += answer.citations().size();
                    citationsSupporting += (int) answer.citations().stream()
                            .filter(c -> facts.stream().anyMatch(f -> Assertion.Cites.supports(c, f))).count();
                }
            }
            refusalsMade += answer.answered() ? 0 : 1;
            refusalsExpected += expectsRefusal ? 1 : 0;
            refusalsExpectedAndMade += expectsRefusal && !answer.answered() ? 1 : 0;
        }
        // a turn with facts that got no answer at all still expected them
        for (TurnResult t : turns) {
            if (t.reply() == null && !t.turn().expectsRefusal()) {
                factsTotal += t.turn().expectedFacts().size();
            }
        }

        int sentences = answeredTurns.stream().filter(t -> t.grounding() != null)
                .mapToInt(t -> t.grounding().sentences()).sum();
        int supported = answeredTurns.stream().filter(t -> t.grounding() != null)
                .mapToInt(t -> t.grounding().supported()).sum();

        List<Retrieval> retrievals = answeredTurns.stream().map(TurnResult::retrieval).filter(r -> r != null).toList();
        long[] latencies = answeredTurns.stream().mapToLong(t -> t.reply().latency().toMillis()).sorted().toArray();

        return new Metrics(results.size(), passed, results.isEmpty() ? 0 : (double) passed / results.size(),
                ratio(citationsSupporting, citationsTotal), ratio(factsSupported, factsTotal),
                ratio(supported, sentences), sentences,
                ratio(refusalsExpectedAndMade, refusalsMade), ratio(refusalsExpectedAndMade, refusalsExpected),
                mean(retrievals, r -> r.recallAt(1)), mean(retrievals, r -> r.recallAt(3)),
                mean(retrievals, r -> r.recallAt(Integer.MAX_VALUE)), mean(retrievals, Retrieval::reciprocalRank),
                retrievals.size(), percentile(latencies, 50), percentile(latencies, 95), Outcomes.of(results));
    }

    private static boolean supportedByACitation(Fact fact, Answer answer) {
        return answer.answered() && answer.citations().stream().anyMatch(c -> Assertion.Cites.supports(c, fact));
    }

    @Nullable
    static Double ratio(int numerator, int denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    @Nullable
    private static Double mean(List<Retrieval> retrievals, ToDoubleFunction<Retrieval> f) {
        return retrievals.isEmpty() ? null : retrievals.stream().mapToDouble(f).average().orElse(0);
    }

    /** Nearest-rank percentile of sorted values; 0 when there are none. */
    static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
