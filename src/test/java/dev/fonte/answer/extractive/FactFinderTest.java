package dev.fonte.answer.extractive;

import dev.fonte.language.Languages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FactFinderTest {

    @Test
    void a_percentage_written_in_words_is_one_figure_whose_unit_holds_a_number_word() {
        FactFinder finder = new FactFinder(Languages.standard().get("it"), Set.of());

        List<Fact> facts = finder.find("Le azioni sono salite del 13 per cento nelle prime contrattazioni.", Set.of());

        assertThat(facts).filteredOn(f -> f.text().contains("13")).hasSize(1);
        assertThat(facts).noneMatch(f -> f.text().equals("cento"));
    }
}
