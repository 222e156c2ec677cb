package dev.fonte.retrieval;

import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The bilingual lexicon as the retrieval uses it: entries compared by each language's analysis. */
class LexiconTest {

    @TempDir
    Path corpus;

    @Test
    void a_lexicon_file_in_the_corpus_folder_adds_to_the_shipped_ones() throws IOException {
        Files.writeString(corpus.resolve("en-it.tsv"), "# the newsroom's own words\ngizmo\tmarchingegno\n");

        Lexicon lexicon = Lexicon.load(Languages.standard(), corpus, LexiconFactory::analysed);

        assertThat(lexicon.translations("gizmo", "en", "it")).containsExactly("marchingegno");
        assertThat(lexicon.translations("marchingegno", "it", "en")).containsExactly("gizmo");
        assertThat(lexicon.translations("booster", "en", "it")).contains("primo stadio"); // the shipped ones stay
        assertThat(Lexicon.load(Languages.standard(), corpus.resolve("missing"), LexiconFactory::analysed)
                .translations("gizmo", "en", "it")).isEmpty();
    }

    @Test
    void an_entry_matches_every_form_of_its_words() throws IOException {
        Files.writeString(corpus.resolve("en-it.tsv"), "economic forecast\tprevisione economica\n");

        Lexicon lexicon = Lexicon.load(Languages.standard(), corpus, LexiconFactory::analysed);

        // listed in the singular, asked in the plural, in either language
        assertThat(lexicon.translations("economic forecasts", "en", "it")).containsExactly("previsione economica");
        assertThat(lexicon.translations("previsioni economiche", "it", "en")).containsExactly("economic forecast");
    }

    @Test
    void a_form_of_a_verb_the_lexicon_does_not_list_finds_the_entry_of_another_form() throws IOException {
        // the Italian light stemmer keeps "collaborano" and "collaborare" apart; this file lists only the infinitive
        Files.writeString(corpus.resolve("en-it.tsv"), "team up\tcollaborare\nwhirl\tfrullano\nblend\tfrullare\n");

        Lexicon lexicon = Lexicon.load(Languages.standard(), corpus, LexiconFactory::analysed, LexiconFactory::keyed);

        assertThat(lexicon.translations("collaborano", "it", "en")).contains("team up");
        assertThat(lexicon.carry("Da quando collaborano Microsoft e OpenAI?", "it", "en").split(" "))
                .contains("team", "Microsoft", "OpenAI");
        // a form the lexicon lists is found under its own stem, not merged with the words its stronger stem joins
        assertThat(lexicon.translations("frullano", "it", "en")).containsExactly("whirl");
        assertThat(lexicon.translations("frullavano", "it", "en")).contains("blend");
    }

    @Test
    void a_question_carried_into_another_language_keeps_names_and_figures_and_drops_stop_words() throws IOException {
        Files.writeString(corpus.resolve("en-it.tsv"), "share\tquota\nown | owns\tpossedere | possiede\n");

        Lexicon lexicon = Lexicon.load(Languages.standard(), corpus, LexiconFactory::analysed);
        String carried = lexicon.carry("What share of OpenAI does Microsoft own in 2025?", "en", "it");

        assertThat(carried.split(" ")).contains("quota", "possedere", "possiede", "OpenAI", "Microsoft", "2025")
                .doesNotContain("of", "share", "own");
    }

    @Test
    void a_name_is_carried_without_the_article_or_possessive_its_analysis_drops() throws IOException {
        Files.writeString(corpus.resolve("en-it.tsv"), "tour\ttournée\n");

        Lexicon lexicon = Lexicon.load(Languages.standard(), corpus, LexiconFactory::analysed);

        // the other language's analysis would keep "l'Arvalis" and "Kestrel's" whole, and no sentence says those
        assertThat(lexicon.carry("Quando è cominciato il tour dell'Arvalis?", "it", "en").split(" "))
                .contains("Arvalis").doesNotContain("dell'Arvalis");
        assertThat(lexicon.carry("When did Kestrel's tour start?", "en", "it").split(" "))
                .contains("Kestrel").doesNotContain("Kestrel's");
        // an apostrophe the analysis keeps is part of the name
        assertThat(lexicon.carry("Who is O'Brien?", "en", "it").split(" ")).contains("O'Brien");
    }

    @Test
    void a_question_carried_to_be_searched_keeps_each_words_alternatives_together_and_leaves_out_question_words()
            throws IOException {
        Files.writeString(corpus.resolve("en-it.tsv"), "hive | hives\tarnia | arnie | alveare\nswarm\tsciame\n");

        Lexicon lexicon = Lexicon.load(Languages.standard(), corpus, LexiconFactory::analysed);
        List<Set<String>> carried = lexicon.carryQuestion("How many swarms left the hives of Bianchi?", "en", "it");

        // "how many" asks rather than says what is asked; "left" is whatever the shipped lexicon makes of it
        assertThat(carried).contains(Set.of("sciame"), Set.of("arnia", "arnie", "alveare"), Set.of("Bianchi"));
        assertThat(carried).noneMatch(group -> group.contains("quanti") || group.contains("how"));
    }

    @Test
    void a_word_the_lexicon_does_not_know_crosses_also_without_the_short_ending_its_analysis_cuts_off() {
        // given the shipped lexicon, which knows neither "plebiscites" nor "expropriated"
        Lexicon shipped = Lexicon.load(Languages.standard(), null, LexiconFactory::analysed);

        // then a word two languages share crosses also without the plural the asker's language gave it, and a word
        // its analysis cut longer is left as written: that stem is no other language's word
        assertThat(shipped.carryQuestion("How many plebiscites did Zorvex hold?", "en", "it"))
                .contains(Set.of("plebiscites", "plebiscit"), Set.of("Zorvex"));
        assertThat(shipped.carryQuestion("Who expropriated them?", "en", "it")).contains(Set.of("expropriated"));
    }

    @Test
    void a_form_whose_ending_is_accented_finds_the_entry_of_its_verb() throws IOException {
        // given an entry that lists only the infinitive
        Files.writeString(corpus.resolve("en-es.tsv"), "darn\tzurcir\n");

        Lexicon lexicon = Lexicon.load(Languages.standard(), corpus, LexiconFactory::analysed, LexiconFactory::keyed);

        // then a preterite, whose ending carries an accent the stemmer reads, finds it
        assertThat(lexicon.translations("zurció", "es", "en")).contains("darn");
    }

    @Test
    void the_shipped_lexicon_carries_the_basic_words_of_news_in_their_common_senses() {
        // given the shipped lexicon, words compared as the engine compares them
        Lexicon shipped = Lexicon.load(Languages.standard(), null, LexiconFactory::analysed, LexiconFactory::keyed);

        // then words any news text uses are known, each in the senses news gives it: a noun as well as a verb, a dig
        // as well as a web site, a fire that breaks out as well as a bomb that explodes
        assertThat(shipped.translations("strutture", "it", "en")).contains("structures");
        assertThat(shipped.translations("face", "en", "es")).contains("cara", "afrontar");
        assertThat(shipped.translations("site", "en", "es")).contains("yacimiento", "sitio web");
        assertThat(shipped.translations("scoppiato", "it", "en")).contains("break out", "explode");
        // and a Spanish preterite finds its verb
        assertThat(shipped.translations("decidió", "es", "en")).contains("decided");
        // and so does an Italian future, whose accent the stemmer reads before it is folded
        assertThat(shipped.translations("tornerà", "it", "en")).contains("return");
    }

    @Test
    void a_file_of_an_unregistered_pair_or_a_malformed_line_is_left_out() throws IOException {
        Files.writeString(corpus.resolve("en-xx.tsv"), "share\tpart\n");
        Files.writeString(corpus.resolve("en-it.tsv"), "a line without a tab\nshare\tquota\n");

        Lexicon lexicon = Lexicon.load(Languages.standard(), corpus, LexiconFactory::analysed);

        assertThat(lexicon.translations("share", "en", "it")).contains("quota");
        assertThat(lexicon.covers("en", "xx")).isFalse();
    }
}
