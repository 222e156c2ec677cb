package dev.fonte.eval;

import dev.fonte.answer.Answer;
import dev.fonte.eval.fixture.Assertion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.fonte.eval.CannedAnswers.citation;
import static dev.fonte.eval.CannedAnswers.translated;
import static org.assertj.core.api.Assertions.assertThat;

class AssertionTest {

    private static final Answer CAPEX = new Answer("c1",
            "Meta prevede di spendere tra 60 e 65 miliardi [1] di dollari nel 2025, contro i 38 miliardi del 2024 [2].",
            true, "it",
            List.of(citation(1, "una spesa in conto capitale tra 60 e 65 miliardi di dollari"),
                    translated(2, "38 billion dollars in 2024", "38 miliardi di dollari nel 2024")),
            "canned");
    private static final Answer REFUSAL =
            new Answer("c2", "L'articolo non dice in quale stato.", false, "it", List.of(), "canned");

    @Nested
    class ContainsAny {
        @Test
        void passes_when_one_alternative_is_in_the_answer() {
            assertThat(new Assertion.ContainsAny(List.of("70 miliardi", "65 MILIARDI")).check(CAPEX).passed()).isTrue();
        }

        @Test
        void passes_across_a_citation_marker_inside_the_phrase() {
            assertThat(new Assertion.ContainsAny(List.of("65 miliardi di dollari")).check(CAPEX).passed()).isTrue();
        }

        @Test
        void fails_naming_the_alternatives_when_none_is_in_the_answer() {
            Assertion.Verdict verdict = new Assertion.ContainsAny(List.of("70 miliardi", "Texas")).check(CAPEX);
            assertThat(verdict.passed()).isFalse();
            assertThat(verdict.detail()).contains("\"70 miliardi\"", "\"Texas\"");
        }
    }

    @Nested
    class ContainsAll {
        @Test
        void passes_when_every_value_is_in_the_answer() {
            assertThat(new Assertion.ContainsAll(List.of("65 miliardi", "38 miliardi")).check(CAPEX).passed()).isTrue();
        }

        @Test
        void fails_naming_the_missing_values() {
            Assertion.Verdict verdict = new Assertion.ContainsAll(List.of("65 miliardi", "1,3 milioni")).check(CAPEX);
            assertThat(verdict.passed()).isFalse();
            assertThat(verdict.detail()).contains("1,3 milioni").doesNotContain("65 miliardi");
        }
    }

    @Nested
    class NotContains {
        @Test
        void passes_when_no_value_is_in_the_answer() {
            assertThat(new Assertion.NotContains(List.of("Louisiana", "100 miliardi")).check(CAPEX).passed()).isTrue();
        }

        @Test
        void fails_when_a_value_is_in_the_answer() {
            Assertion.Verdict verdict = new Assertion.NotContains(List.of("60 e 65 miliardi")).check(CAPEX);
            assertThat(verdict.passed()).isFalse();
            assertThat(verdict.detail()).contains("60 e 65 miliardi");
        }
    }

    @Nested
    class Regex {
        @Test
        void passes_when_the_raw_answer_matches_ignoring_case() {
            assertThat(Assertion.Matches.of("META .* \\[1\\]").check(CAPEX).passed()).isTrue();
        }

        @Test
        void fails_when_the_answer_does_not_match() {
            assertThat(Assertion.Matches.of("\\b2026\\b").check(CAPEX).passed()).isFalse();
        }
    }

    @Nested
    class Cites {
        @Test
        void passes_when_a_cited_span_contains_the_text() {
            assertThat(new Assertion.Cites("60 e 65 miliardi").check(CAPEX).passed()).isTrue();
        }

        @Test
        void passes_when_the_original_of_a_translated_citation_contains_the_text() {
            assertThat(new Assertion.Cites("38 miliardi di dollari").check(CAPEX).passed()).isTrue();
        }

        @Test
        void fails_when_the_text_is_only_in_the_answer_not_in_a_citation() {
            assertThat(new Assertion.Cites("nel 2025").check(CAPEX).passed()).isFalse();
        }

        @Test
        void fails_on_a_refusal_which_cites_nothing() {
            assertThat(new Assertion.Cites("65 miliardi").check(REFUSAL).passed()).isFalse();
        }
    }

    @Nested
    class Refuses {
        @Test
        void true_passes_on_a_refusal_and_fails_on_an_answer() {
            assertThat(new Assertion.Refuses(true).check(REFUSAL).passed()).isTrue();
            assertThat(new Assertion.Refuses(true).check(CAPEX).detail())
                    .isEqualTo("the bot answered instead of refusing");
        }

        @Test
        void false_passes_on_an_answer_and_fails_on_a_refusal() {
            assertThat(new Assertion.Refuses(false).check(CAPEX).passed()).isTrue();
            assertThat(new Assertion.Refuses(false).check(REFUSAL).detail())
                    .isEqualTo("the bot refused an answerable question");
        }
    }

    @Nested
    class Language {
        @Test
        void passes_on_the_expected_language_in_any_case() {
            assertThat(new Assertion.Language("IT").check(CAPEX).passed()).isTrue();
        }

        @Test
        void fails_on_another_language() {
            Assertion.Verdict verdict = new Assertion.Language("en").check(CAPEX);
            assertThat(verdict.passed()).isFalse();
            assertThat(verdict.detail()).contains("it").contains("en");
        }
    }
}
