package dev.fonte.eval;

import dev.fonte.eval.fixture.TextMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TextMatchTest {

    @ParameterizedTest(name = "\"{0}\" contains \"{1}\"")
    @CsvSource(delimiter = ';', value = {
            "Sono 1,3 milioni di GPU;1.3 milioni",
            "Sono 1.3 milioni di GPU;1,3 milioni",
            "Sono 1, 3 milioni di GPU;1,3 milioni",
            "Sono 1,3 milioni di GPU;1, 3 milioni",
            "Tra 60 e 65 MILIARDI di dollari;65 miliardi",
            "L’intelligenza artificiale;l'intelligenza",
            "«Llama 4» sarà il leader;\"llama 4\"",
            "una capacità di calcolo;capacita di calcolo",
            "spesi nel 2024, 38 miliardi;38 miliardi",
            "costo di 65\u00a0miliardi;65 miliardi"})
    void matches_whatever_the_case_accents_quotes_and_number_format(String text, String needle) {
        assertThat(TextMatch.contains(text, needle)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" does not contain \"{1}\"")
    @CsvSource(delimiter = ';', value = {
            "Spende 138 miliardi;38 miliardi",
            "Spende 3,8 miliardi;8 miliardi",
            "Spende 38 miliardi;8 miliardi",
            "Sono 1,35 milioni;1,3 milioni",
            "Spende 65 milioni;65 miliardi"})
    void does_not_match_a_number_inside_a_longer_one_or_different_words(String text, String needle) {
        assertThat(TextMatch.contains(text, needle)).isFalse();
    }

    @Test
    void normalizes_decimal_commas_and_spaced_decimals_to_one_form() {
        assertThat(TextMatch.normalize("1,3 milioni")).isEqualTo(TextMatch.normalize("1.3 Milioni"))
                .isEqualTo(TextMatch.normalize("1, 3 milioni")).isEqualTo("1.3 milioni");
    }
}
