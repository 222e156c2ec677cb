package dev.fonte.eval.run;

import dev.fonte.answer.AnswerEvent;
import dev.fonte.eval.target.SourceMatcher;

import java.util.List;

/**
 * Where a turn's named sources appear among the target's candidates.
 *
 * @param ranks for each named source, the 1-based rank of the first candidate matching it; 0 when none does
 */
public record Retrieval(List<Integer> ranks) {

    public Retrieval {
        ranks = List.copyOf(ranks);
    }

    static Retrieval of(List<String> sources, List<AnswerEvent.Source> candidates, SourceMatcher matcher) {
        return new Retrieval(sources.stream().map(s -> {
            for (int i = 0; i < candidates.size(); i++) {
                if (matcher.matches(candidates.get(i), s)) {
                    return i + 1;
                }
            }
            return 0;
        }).toList());
    }

    /** Share of named sources among the first {@code k} candidates. */
    public double recallAt(int k) {
        return (double) ranks.stream().filter(r -> r > 0 && r <= k).count() / ranks.size();
    }

    /** 1 / rank of the first candidate matching any named source; 0 when none does. */
    public double reciprocalRank() {
        return ranks.stream().filter(r -> r > 0).mapToInt(Integer::intValue).min().stream()
                .mapToDouble(r -> 1.0 / r).findFirst().orElse(0);
    }
}
