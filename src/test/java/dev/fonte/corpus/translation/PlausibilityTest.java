package dev.fonte.corpus.translation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlausibilityTest {

    final Plausibility check = new Plausibility(3);

    @Test
    void a_translation_may_write_a_figure_with_other_separators() {
        assertThat(check.problem("oltre 1,3 milioni di GPU nel 2025", "over 1.3 million GPUs in 2025")).isEmpty();
    }

    @Test
    void a_converted_figure_is_not_a_translation() {
        assertThat(check.problem("oltre 1,3 milioni di GPU", "over 1,300,000 GPUs")).get().asString()
                .contains("figures differ");
    }

    @Test
    void a_dropped_figure_is_not_a_translation() {
        assertThat(check.problem("costa 12 milioni e dura 18 mesi", "it costs 12 million")).isPresent();
    }

    @Test
    void a_reply_far_longer_than_its_source_is_not_a_translation() {
        assertThat(check.problem("Il ponte è aperto.", "Sure! Here is the translation you asked for, with notes on "
                + "the word choice and on the grammar of the Italian original: The bridge is open.")).get().asString()
                .contains("characters long");
    }

    @Test
    void an_empty_reply_is_not_a_translation() {
        assertThat(check.problem("Il ponte è aperto.", "  ")).get().asString().contains("empty");
    }
}
