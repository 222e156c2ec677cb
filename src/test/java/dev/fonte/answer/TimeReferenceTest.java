package dev.fonte.answer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** A year asked for against the years a sentence (or its paragraph) speaks of, "last year" counted from the document's. */
class TimeReferenceTest {

    @ParameterizedTest(name = "{0} / {1} / {2}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // "l'anno scorso" in an article about 2025 is 2024
            "Quanto ha speso Meta nel 2024?|i 38 miliardi spesi l'anno scorso|-|true",
            "Quanto spenderà Meta nel 2026?|i 38 miliardi spesi l'anno scorso|-|false",
            "What will Meta spend in 2025?|up to $65 billion this year|-|true",
            // a sentence with no time of its own is read in its paragraph
            "What did Meta spend in 2023?|estimates of $51 to $53 billion|capital expenditure for 2024. Estimates...|false",
            // a question on this year against 2024 is answered by a sentence on last year
            "Quante volte è più grande la spesa di quest'anno rispetto a quella del 2024?|i 38 miliardi spesi l'anno scorso|-|true",
            "Quanto spenderà Meta quest'anno?|i 38 miliardi spesi l'anno scorso|-|false",
            // "this year" alone is not looked for in the paragraph: the sentence may well be about it
            "What range did Zuckerberg give for this year?|a range of $60 to $65 billion|capital expenditure for 2024.|true",
            // nothing to compare: no year asked, or no time anywhere
            "How much will Meta spend?|i 38 miliardi spesi l'anno scorso|-|true",
            "What did Meta spend in 2023?|estimates of $51 to $53 billion|-|true"})
    void a_year_asked_is_matched_against_the_years_spoken_of(String question, String sentence, String paragraph,
                                                             boolean same) {
        assertThat(TimeReference.sameYear(question, sentence, paragraph, TimeReference.yearOf("Meta's plan in 2025")))
                .isEqualTo(same);
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "Quanto spenderà Meta quest'anno?|i 38 miliardi spesi l'anno scorso|false",
            "Quanto ha speso Meta l'anno scorso?|i 38 miliardi spesi l'anno scorso|true",
            "Quanto ha speso Meta nel 2024?|le spese previste per il 2023|false"})
    void without_the_document_year_relative_words_are_compared_as_words(String question, String sentence, boolean same) {
        assertThat(TimeReference.sameYear(question, sentence, null, TimeReference.yearOf("Meta's plan"))).isEqualTo(same);
    }
}
