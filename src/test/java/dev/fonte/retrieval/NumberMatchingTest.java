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
    void each_language_writes_its_decimals_and_thousands_one_way() {
        assertThat(terms("it", "1, 3 milioni")).contains("1_3");
        assertThat(terms("it", "1,3 milioni")).contains("1_3");
        assertThat(terms("en", "1.3 million")).contains("1_3");
        assertThat(terms("it", "circa l’1, 4%")).contains("1_4");
        // thousands separators differ by language and are dropped: the same figure either way
        assertThat(terms("it", "1.300.000 GPU")).contains("1300000");
        assertThat(terms("en", "1,300,000 GPUs")).contains("1300000");
    }

    @Test
    void lists_of_years_and_ranges_are_left_as_separate_numbers() {
        assertThat(terms("it", "nel 2024, 2025 e 2026")).contains("2024", "2025", "2026");
        assertThat(terms("it", "tra 51 e 53 miliardi")).contains("51", "53");
    }

    private static java.util.Set<String> terms(String language, String text) {
        return FonteAnalyzers.terms(FonteAnalyzers.shared(language), text);
    }
}
