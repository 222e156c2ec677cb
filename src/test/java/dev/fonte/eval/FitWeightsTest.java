package dev.fonte.eval;

import dev.fonte.answer.AnswerWeights;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the weights of sentences in another language than the question are chosen, and judged. */
class FitWeightsTest {

    private static final int RIGHT = 0;
    private static final int REFUSED = 1;
    private static final int MISSED = 3;

    @Test
    void a_cross_language_case_is_grouped_by_the_documents_it_asks_about_not_by_the_direction_it_crosses_in() {
        assertThat(FitWeights.group("x-msit-amount")).isEqualTo("msit");
        assertThat(FitWeights.group("y-cp-warming-p2")).isEqualTo("cp");
        assertThat(FitWeights.group("mso-stake-p2")).isEqualTo("mso");
    }

    /** A question whose one candidate is a sentence in another language, near the carried question by {@code near}. */
    private static FitWeights.Asked asked(String group, boolean crossLanguage, boolean right, double near) {
        double[] x = new double[AnswerWeights.SIGNALS.size()];
        x[AnswerWeights.SIGNALS.indexOf("foreign")] = 1;
        x[AnswerWeights.SIGNALS.indexOf("carriedSimilarity")] = near;
        FitWeights.Row row = new FitWeights.Row(group, group, x, right);
        return new FitWeights.Asked(group, group, List.of(row), !right, crossLanguage);
    }

    @Test
    void the_search_answers_a_cross_language_question_only_with_weights_that_answer_no_unanswerable_one() {
        // given a cross-language question whose right sentence is very near the carried question, and an unanswerable
        // question of each kind whose wrong sentence is half as near
        List<FitWeights.Asked> asked = List.of(asked("bees", true, true, 1.0), asked("wasps", true, false, 0.5),
                asked("ants", false, false, 0.5));

        // when the weights of sentences in another language are searched, the others as configured
        FitWeights.Search search = FitWeights.otherLanguage(asked, AnswerWeights.defaults());

        // then the configured weights answer nothing, and the chosen ones answer the first and refuse the others
        assertThat(search.configured()).containsExactly(MISSED, REFUSED, REFUSED);
        assertThat(search.chosen()).containsExactly(RIGHT, REFUSED, REFUSED);
        // and cross-validated, the first is decided by weights chosen without it, which nothing taught to answer it
        assertThat(search.heldOut()).containsExactly(MISSED, REFUSED, REFUSED);
    }
}
