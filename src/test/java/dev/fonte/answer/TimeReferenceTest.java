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
            // nothing to compare: no year asked, or no time anywhere
            "How much will Meta spend?|i 38 miliardi spesi l'anno scorso|-|true",
            "What did Meta spend in 2023?|estimates of $51 to $53 billion|-|true"})
    void a_year_asked_is_matched_against_the_years_spoken_of(String question, String sentence, String paragraph,
                                                             boolean same) {
        assertThat(TimeReference.sameYear(question, sentence, paragraph, TimeReference.yearOf("Meta's plan in 2025")))
                .isEqualTo(same);
    }
}
