package dev.fonte.retrieval;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Numbers match however they are written: the article prints "1, 3 milioni" and "1, 4%". */
class NumberMatchingTest {

    private static PassageIndex index;

    @BeforeAll
    static void buildIndex() {
        index = TinyIndex.italian()
                // the article's way of printing 1.3 million: comma AND a space
                .doc("gpu-1-3", "Entro la fine dell’anno saranno operative oltre 1, 3 milioni di GPU.")
                // the article's way of printing 1.4 percent, after an elided article (l’1, 4%)
                .doc("ribasso-1-4", "Dopo un’apertura in ribasso a circa l’1, 4%, le azioni sono salite.")
                // the same digits as separate numbers: 1 and 3 must not match the decimal 1,3
                .doc("separati", "L’azienda ha 3 milioni di utenti in 1 paese e 4 sedi.")
                // another decimal that shares its integer part
                .doc("altro-decimale", "La spesa è cresciuta di 1, 5 volte rispetto all’anno prima.")
                // a percentage with other digits
                .doc("percentuale", "Il titolo è salito del 2% in 1 giorno.")
                .build();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest(name = "\"{0}\" finds \"1, 3 milioni\" first")
    @ValueSource(strings = {"1,3", "1.3", "1, 3", "1.3 milioni", "1,3 milioni di GPU", "oltre 1.3 milioni"})
    void a_decimal_written_any_way_finds_the_sentence_printing_it_first(String query) {
        assertThat(TinyIndex.ranking(index, query)).first().isEqualTo("gpu-1-3");
    }

    @ParameterizedTest(name = "\"{0}\" finds \"l’1, 4%\" first")
    @ValueSource(strings = {"1,4%", "1.4%", "1,4", "ribasso dell'1,4%"})
    void a_percentage_written_any_way_finds_the_sentence_printing_it_first(String query) {
        assertThat(TinyIndex.ranking(index, query)).first().isEqualTo("ribasso-1-4");
    }

    @Test
    void given_the_decimal_1_3_when_searched_then_sentences_with_a_separate_1_and_3_do_not_match_at_all() {
        assertThat(TinyIndex.ranking(index, "1,3")).containsExactly("gpu-1-3");
    }

    @Test
    void the_char_filter_writes_every_decimal_one_way() {
        assertThat(NumberCharFilter.normalise("1, 3 milioni")).isEqualTo("1_3 milioni");
        assertThat(NumberCharFilter.normalise("1,3 milioni")).isEqualTo("1_3 milioni");
        assertThat(NumberCharFilter.normalise("1.3 million")).isEqualTo("1_3 million");
        assertThat(NumberCharFilter.normalise("circa l’1, 4%")).isEqualTo("circa l’1_4%");
    }

    @Test
    void the_char_filter_leaves_lists_of_years_and_thousands_separators_alone() {
        assertThat(NumberCharFilter.normalise("nel 2024, 2025 e 2026")).isEqualTo("nel 2024, 2025 e 2026");
        assertThat(NumberCharFilter.normalise("1.300.000 GPU")).isEqualTo("1.300.000 GPU");
        assertThat(NumberCharFilter.normalise("1,300,000 GPUs")).isEqualTo("1,300,000 GPUs");
        assertThat(NumberCharFilter.normalise("tra 51 e 53 miliardi")).isEqualTo("tra 51 e 53 miliardi");
    }

    @Test
    void the_analyzer_keeps_years_and_thousands_as_whole_tokens_and_a_decimal_as_one() {
        try (var analyzer = FonteAnalyzers.index("it")) {
            assertThat(TinyIndex.tokens(analyzer, "nel 2024, 2025")).containsExactly("2024", "2025");
            assertThat(TinyIndex.tokens(analyzer, "1.300.000 utenti")).first().isEqualTo("1.300.000");
            assertThat(TinyIndex.tokens(analyzer, "1, 3 milioni")).first().isEqualTo("1_3");
            assertThat(TinyIndex.tokens(analyzer, "1.3 milioni")).first().isEqualTo("1_3");
        }
    }
}
