package dev.fonte.answer.extractive;

import dev.fonte.language.Dimension;
import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FactFinderTest {

    @Test
    void the_figures_of_a_result_are_no_numbers_of_their_own() {
        FactFinder finder = new FactFinder(Languages.standard().get("en"), Set.of("the", "a", "in"));

        List<Fact> facts = finder.find("Ireland beat Portugal 27-18 in a tense final in Lyon.", Set.of());

        assertThat(facts).anyMatch(f -> f.type() == Fact.Type.RESULT && f.text().equals("27-18"));
        assertThat(facts).noneMatch(f -> f.type() == Fact.Type.NUMBER);
    }

    @Test
    void a_name_may_open_with_a_function_word_and_hold_a_figure() {
        Language english = Languages.standard().get("en");
        FactFinder finder = new FactFinder(english, english.functionWords());

        List<Fact> facts = finder.find("It was sold at Sotheby's in New York, near East 72nd Street. The buyer paid.",
                Set.of());

        assertThat(facts).filteredOn(f -> f.type() == Fact.Type.NAME).extracting(Fact::text)
                .containsExactly("Sotheby's", "New York", "East 72nd Street");
        // a function word before a word that is no name stays out, and so does one that opens the sentence
        assertThat(finder.find("The New buyer came from Rome.", Set.of())).filteredOn(f -> f.type() == Fact.Type.NAME)
                .extracting(Fact::text).containsExactly("Rome");
    }

    @Test
    void a_common_noun_that_a_place_preposition_opens_makes_the_name_it_is_of_a_place() {
        Language italian = Languages.standard().get("it");
        FactFinder finder = new FactFinder(italian, italian.functionWords());

        assertThat(finder.find("La nave è affondata nella rada di Porticello, poi portata in un centro commerciale "
                + "di Marghera e nell'area di Milano.", Set.of())).filteredOn(f -> f.type() == Fact.Type.PLACE)
                .extracting(Fact::text).containsExactly("rada di Porticello", "centro commerciale di Marghera",
                        "area di Milano");
        // a function word inside the noun's words ends it: "spagnolo alla diocesi" is no noun of a place, nor is a
        // noun no place preposition opens
        assertThat(finder.find("Ha parlato in spagnolo alla diocesi di Chiclayo e al governo di Roma.", Set.of()))
                .noneMatch(f -> f.type() == Fact.Type.PLACE);
    }

    @Test
    void a_collective_number_word_is_a_figure() {
        // "un centinaio", "una treintena", "un millar": a round count said as a noun of its own
        Language italian = Languages.standard().get("it");
        Language spanish = Languages.standard().get("es");

        assertThat(new FactFinder(italian, italian.functionWords())
                .find("Gli archeologi hanno trovato un centinaio di sepolture.", Set.of()))
                .anyMatch(f -> f.type() == Fact.Type.NUMBER && f.text().contains("centinaio"));
        assertThat(new FactFinder(spanish, spanish.functionWords())
                .find("Los cuatro países han sumado alrededor de un centenar de casos.", Set.of()))
                .anyMatch(f -> f.type() == Fact.Type.NUMBER && f.text().contains("centenar"));
    }

    @Test
    void a_percentage_written_in_words_is_one_figure_whose_unit_holds_a_number_word() {
        FactFinder finder = new FactFinder(Languages.standard().get("it"), Set.of());

        List<Fact> facts = finder.find("Le azioni sono salite del 13 per cento nelle prime contrattazioni.", Set.of());

        assertThat(facts).filteredOn(f -> f.text().contains("13")).hasSize(1);
        assertThat(facts).noneMatch(f -> f.text().equals("cento"));
    }

    @Test
    void a_figure_after_a_currency_symbol_is_money_even_when_a_time_unit_follows_it() {
        FactFinder finder = new FactFinder(Languages.standard().get("en"), Set.of("the", "a", "of"));

        List<Fact> facts = finder.find("Leqembi has a list price of $26,500 a year.", Set.of());

        assertThat(facts).anyMatch(f -> f.type() == Fact.Type.QUANTITY && f.dimension() == Dimension.MONEY
                && f.text().equals("$26,500"));
        assertThat(facts).noneMatch(f -> f.dimension() == Dimension.DURATION);
    }

    @Test
    void an_article_counts_one_of_the_unit_after_it_but_not_in_a_rate_or_a_frequency() {
        FactFinder english = new FactFinder(Languages.standard().get("en"), Set.of("the", "a", "of", "for"));
        FactFinder spanish = new FactFinder(Languages.standard().get("es"), Set.of("la", "con", "un"));

        assertThat(english.find("The shares were listed for more than a century.", Set.of()))
                .anyMatch(f -> f.dimension() == Dimension.DURATION && f.text().equals("a century"));
        assertThat(spanish.find("No podrá comunicarse con ella durante un año.", Set.of()))
                .anyMatch(f -> f.dimension() == Dimension.DURATION && f.text().equals("un año"));
        assertThat(english.find("The museum received about 30,000 visitors a day.", Set.of()))
                .noneMatch(f -> f.dimension() == Dimension.DURATION);
        assertThat(english.find("The ground was rising by several millimetres a day.", Set.of()))
                .noneMatch(f -> f.dimension() == Dimension.DURATION);
        assertThat(english.find("The board meets once a year.", Set.of()))
                .noneMatch(f -> f.dimension() == Dimension.DURATION);
    }

    @Test
    void two_times_after_since_and_until_words_are_a_span_of_time() {
        FactFinder italian = new FactFinder(Languages.standard().get("it"), Set.of("è", "stato"));
        FactFinder english = new FactFinder(Languages.standard().get("en"), Set.of("he", "was"));

        assertThat(italian.find("Dal 2001 al 2013 è stato priore generale.", Set.of()))
                .anyMatch(f -> f.dimension() == Dimension.DURATION && f.text().equals("Dal 2001 al 2013"));
        assertThat(english.find("He was chairman from May 2019 to July 2021.", Set.of()))
                .anyMatch(f -> f.dimension() == Dimension.DURATION && f.text().equals("from May 2019 to July 2021"));
        // a "since" time alone lasts until now: no span
        assertThat(english.find("He has been chairman since 2019.", Set.of()))
                .noneMatch(f -> f.dimension() == Dimension.DURATION);
    }

    @Test
    void an_acronym_is_part_of_a_name_even_when_its_letters_spell_a_function_word() {
        FactFinder finder = new FactFinder(Languages.standard().get("it"), Set.of("ad", "in", "che"));

        List<Fact> facts = finder.find("Nello studio clinico Clarity AD, che ha coinvolto 1.795 pazienti.", Set.of());

        assertThat(facts).anyMatch(f -> f.type() == Fact.Type.NAME && f.text().equals("Clarity AD"));
    }

    @Test
    void a_figure_in_apposition_to_a_name_is_an_age_not_a_duration() {
        FactFinder finder = new FactFinder(Languages.standard().get("it"), Set.of("e", "la", "ha"));

        List<Fact> apposed = finder.find("Medvedev, 27 anni e alto 1,98 metri, ha perso la finale.", Set.of());
        List<Fact> lasted = finder.find("La finale è durata 3 ore e 44 minuti.", Set.of());

        assertThat(apposed).anyMatch(f -> f.dimension() == Dimension.AGE && f.text().equals("27 anni"));
        assertThat(apposed).noneMatch(f -> f.dimension() == Dimension.DURATION);
        assertThat(lasted).anyMatch(f -> f.dimension() == Dimension.DURATION && f.text().equals("3 ore"));
    }

    @Test
    void a_bare_figure_in_apposition_to_a_name_is_an_age_in_english_too() {
        FactFinder finder = new FactFinder(Languages.standard().get("en"), Set.of("the", "a", "to"));

        List<Fact> apposed = finder.find("Jerome Powell, 71, said the rate would hold for 2 years.", Set.of());
        List<Fact> listed = finder.find("The plan covers Lisbon, 12 other cities and 3 ports.", Set.of());

        assertThat(apposed).anyMatch(f -> f.dimension() == Dimension.AGE && f.text().equals("71"));
        assertThat(apposed).anyMatch(f -> f.dimension() == Dimension.DURATION && f.text().equals("2 years"));
        assertThat(listed).noneMatch(f -> f.dimension() == Dimension.AGE);
    }

    @Test
    void a_figure_takes_the_longest_unit_of_any_dimension() {
        FactFinder finder = new FactFinder(Languages.standard().get("it"), Set.of("e", "a", "di"));

        List<Fact> speed = finder.find("L'opera resisterà a venti fino a 300 chilometri orari.", Set.of());
        List<Fact> area = finder.find("Il parco copre 40 chilometri quadrati di costa.", Set.of());

        assertThat(speed).anyMatch(f -> f.dimension() == Dimension.SPEED && f.text().equals("300 chilometri orari"));
        assertThat(area).anyMatch(f -> f.dimension() == Dimension.AREA && f.text().equals("40 chilometri quadrati"));
        assertThat(speed).noneMatch(f -> f.dimension() == Dimension.LENGTH);
    }

    @Test
    void an_age_is_read_from_the_words_that_give_one_in_a_clause() {
        FactFinder finder = new FactFinder(Languages.standard().get("en"), Set.of("in", "the", "a"));

        List<Fact> facts = finder.find("He died in a mountain accident in August 2023, aged 74.", Set.of());

        assertThat(facts).anyMatch(f -> f.dimension() == Dimension.AGE && f.text().equals("74"));
    }
    @Test
    void a_figure_with_a_thousands_point_or_a_decimal_is_no_time_of_day() {
        FactFinder italian = new FactFinder(Languages.standard().get("it"), Set.of("di", "un", "la"));
        FactFinder english = new FactFinder(Languages.standard().get("en"), Set.of("the", "at", "of"));

        List<Fact> thousands = italian.find("Un consorzio di oltre 2.000 scienziati e 6.000 veicoli all'ora.",
                Set.of());
        List<Fact> decimals = english.find("The WMO put 2024 at 1.55C above the average, and the rate stood at 5.25 "
                + "percent.", Set.of());

        assertThat(thousands).noneMatch(f -> f.type() == Fact.Type.TIME);
        assertThat(decimals).noneMatch(f -> f.type() == Fact.Type.TIME && !f.text().equals("2024"));
        assertThat(decimals).anyMatch(f -> f.dimension() == Dimension.TEMPERATURE && f.text().equals("1.55C"));
    }

    @Test
    void a_time_of_day_is_one_after_a_clock_word_or_before_am_or_pm_or_with_a_colon() {
        FactFinder italian = new FactFinder(Languages.standard().get("it"), Set.of("di", "la", "è"));
        FactFinder english = new FactFinder(Languages.standard().get("en"), Set.of("the", "at", "on"));

        List<Fact> alle = italian.find("La fumata bianca è salita alle 18.07 di giovedì.", Set.of());
        List<Fact> pm = english.find("The fire broke out at about 6.20 pm on Monday.", Set.of());
        List<Fact> colon = english.find("Starship lifted off 7:25 local time.", Set.of());

        assertThat(alle).anyMatch(f -> f.type() == Fact.Type.TIME && f.text().equals("18.07"));
        assertThat(pm).anyMatch(f -> f.type() == Fact.Type.TIME && f.text().startsWith("6.20"));
        assertThat(colon).anyMatch(f -> f.type() == Fact.Type.TIME && f.text().equals("7:25"));
    }

    @Test
    void an_age_said_by_a_verb_or_in_a_relative_clause_is_an_age() {
        FactFinder english = new FactFinder(Languages.standard().get("en"), Set.of("the", "by", "who", "is"));
        FactFinder italian = new FactFinder(Languages.standard().get("it"), Set.of("che", "ha", "il"));
        FactFinder spanish = new FactFinder(Languages.standard().get("es"), Set.of("que", "el", "de"));

        List<Fact> relative = english.find("Gukesh, who is 18, won the match by 7.5 points to 6.5.", Set.of());
        List<Fact> verb = italian.find("Il nuovo papa, che ha 69 anni, è nato a Chicago.", Set.of());
        List<Fact> tiene = spanish.find("El presidente, que tiene 47 años, dimitió el lunes.", Set.of());
        List<Fact> term = italian.find("La Corte ha 3 anni di tempo per decidere.", Set.of());

        assertThat(relative).anyMatch(f -> f.dimension() == Dimension.AGE && f.text().equals("18"));
        assertThat(verb).anyMatch(f -> f.dimension() == Dimension.AGE && f.text().startsWith("69"));
        assertThat(tiene).anyMatch(f -> f.dimension() == Dimension.AGE && f.text().startsWith("47"));
        assertThat(term).noneMatch(f -> f.dimension() == Dimension.AGE);
    }

    @Test
    void an_age_written_in_words_is_an_age_where_its_words_say_so() {
        FactFinder english = new FactFinder(Languages.standard().get("en"), Set.of("he", "the", "of"));
        FactFinder spanish = new FactFinder(Languages.standard().get("es"), Set.of("la", "de"));

        List<Fact> started = english.find("He started playing chess at the age of seven.", Set.of());
        List<Fact> founder = english.find("He was one of the founders of the club.", Set.of());
        List<Fact> tiene = spanish.find("La jueza, que tiene cuarenta años, dictó la sentencia.", Set.of());

        assertThat(started).anyMatch(f -> f.dimension() == Dimension.AGE && f.text().equals("seven"));
        assertThat(founder).noneMatch(f -> f.dimension() == Dimension.AGE);
        assertThat(tiene).anyMatch(f -> f.dimension() == Dimension.AGE && f.text().startsWith("cuarenta"));
    }

    @Test
    void four_digits_under_1800_are_a_year_only_after_a_word_that_says_so() {
        FactFinder finder = new FactFinder(Languages.standard().get("it"), Set.of("l", "è", "quella"));

        List<Fact> eruption = finder.find("L'ultima eruzione è quella del 1538, che formò il Monte Nuovo.", Set.of());
        List<Fact> crowd = finder.find("Sono arrivati 1500 volontari da tutta la regione.", Set.of());

        assertThat(eruption).anyMatch(f -> f.type() == Fact.Type.TIME && f.text().equals("1538"));
        assertThat(crowd).anyMatch(f -> f.type() == Fact.Type.NUMBER && f.text().equals("1500"));
        assertThat(crowd).noneMatch(f -> f.type() == Fact.Type.TIME);
    }

    @Test
    void a_place_in_a_series_is_an_ordinal_in_digits_or_words_but_not_a_word_that_only_looks_like_one() {
        FactFinder english = new FactFinder(Languages.standard().get("en"), Set.of("the", "is"));
        FactFinder italian = new FactFinder(Languages.standard().get("it"), Set.of("il", "per", "la"));

        List<Fact> title = english.find("The title is Liverpool's 20th league championship.", Set.of());
        List<Fact> volta = italian.find("Il Napoli ha vinto per la quarta volta.", Set.of());
        List<Fact> secondo = italian.find("Secondo il governo i lavori finiranno presto.", Set.of());

        assertThat(title).anyMatch(f -> f.type() == Fact.Type.ORDINAL && f.text().equals("20th"));
        assertThat(volta).anyMatch(f -> f.type() == Fact.Type.ORDINAL && f.text().equals("quarta"));
        assertThat(secondo).noneMatch(f -> f.type() == Fact.Type.ORDINAL);
    }

    @Test
    void an_ordinal_between_an_article_and_a_genitive_is_a_fraction_not_a_place_in_a_series() {
        FactFinder english = new FactFinder(Languages.standard().get("en"), Set.of("the", "of", "a", "for"));
        FactFinder italian = new FactFinder(Languages.standard().get("it"), Set.of("di", "dei", "un", "per", "la"));

        List<Fact> seats = italian.find("AfD e Linke avrebbero avuto più di un terzo dei seggi.", Set.of());
        List<Fact> hour = italian.find("Il voto è durato un quarto d'ora.", Set.of());
        List<Fact> votes = english.find("They won a third of the votes.", Set.of());
        List<Fact> term = italian.find("Ha ottenuto un terzo mandato.", Set.of());
        List<Fact> time = english.find("They won for a third time.", Set.of());

        assertThat(seats).noneMatch(f -> f.type() == Fact.Type.ORDINAL);
        assertThat(hour).noneMatch(f -> f.type() == Fact.Type.ORDINAL);
        assertThat(votes).noneMatch(f -> f.type() == Fact.Type.ORDINAL);
        assertThat(term).anyMatch(f -> f.type() == Fact.Type.ORDINAL && f.text().equals("terzo"));
        assertThat(time).anyMatch(f -> f.type() == Fact.Type.ORDINAL && f.text().equals("third"));
    }
}
