package dev.fonte.answer;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerWeightsTest {

    @Test
    void the_weights_tests_build_by_hand_are_the_ones_the_server_is_configured_with() {
        // given the defaults the configuration binds when nothing is set
        try (ApplicationContext context = ApplicationContext.run(Map.of())) {
            AnswerWeights bound = context.getBean(AnswerWeights.class);

            // then the engine's tests, which build the weights without a context, weigh as the server does
            assertThat(AnswerWeights.defaults()).isEqualTo(bound);
        }
    }

    @Test
    void a_sentence_with_every_signal_at_zero_answers_only_below_the_bias() {
        AnswerWeights weights = AnswerWeights.defaults();
        double[] none = new double[AnswerWeights.SIGNALS.size()];

        assertThat(weights.vector()).hasSize(AnswerWeights.SIGNALS.size());
        assertThat(weights.probability(none)).isEqualTo(1 / (1 + Math.exp(-weights.bias())));
        assertThat(weights.probability(none)).isLessThan(weights.threshold());
    }
}
