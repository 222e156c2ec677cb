package dev.fonte.answer;

import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import dev.fonte.retrieval.FonteAnalyzers;
import dev.fonte.retrieval.Glossary;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a sentence of a model's answer must share with the span it cites, on a corpus of another domain than the one
 * served (cycling and football news): its figures in any format, its names, its content words (by stem, or by a
 * glossary synonym), and its negation.
 */
class GroundingTest {

    static final Languages LANGUAGES = Languages.standard();
    static final Language IT = LANGUAGES.get("it");
    static final Language EN = LANGUAGES.get("en");
    static final String STAGE = "Il ciclista Marco Rossi ha vinto la tappa di 180 chilometri in 4 ore, davanti a "
            + "1,3 milioni di spettatori.";
    static final String CLUB = "The club signed the striker for €45 million on Tuesday.";
    static final Map<String, Analyzer> QUERY = new ConcurrentHashMap<>();

    static Function<String, Analyzer> glossary;
    final Grounding grounding = new Grounding(LANGUAGES, 1.0);

    @BeforeAll
    static void glossary(@TempDir Path folder) throws IOException {
        // a domain line, as a corpus's glossary writes them: one concept in both languages
        Files.writeString(folder.resolve("glossary.synonyms"), "bici, bicicletta, bicycle, bike\n"
                + "spettatori, pubblico, tifosi, spectators, fans\n" + "milioni, milione, million, millions\n");
        SynonymMap synonyms = Glossary.load(folder);
        glossary = code -> QUERY.computeIfAbsent(code, c -> FonteAnalyzers.query(c, synonyms));
    }

    Grounding.Verdict check(String sentence, Language language, String span, String spanLanguage) {
        return grounding.check(sentence, language, List.of(new Grounding.Span(span, spanLanguage, Set.of())), glossary);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Il ciclista Marco Rossi ha vinto la tappa di 180 chilometri in 4 ore.",
            "Marco Rossi ha vinto la tappa di 180 chilometri.",
            // another form of the same words, and a figure written the other way
            "Davanti a 1.3 milioni di spettatori Rossi, ciclista, ha vinto la tappa di 180 chilometri.",
            // the glossary's synonym of a word of the span
            "Rossi ha vinto davanti a 1,3 milioni di tifosi.",
            // words that attribute and claim nothing
            "Secondo l'articolo, Rossi ha vinto la tappa."})
    void given_a_sentence_its_span_says_then_it_is_supported(String sentence) {
        Grounding.Verdict verdict = check(sentence, IT, STAGE, "it");

        assertThat(verdict.supported()).as(verdict.missing()).isTrue();
    }

    @Test
    void given_a_figure_the_span_does_not_have_then_it_is_named() {
        Grounding.Verdict verdict = check("Rossi ha vinto la tappa di 190 chilometri.", IT, STAGE, "it");

        assertThat(verdict.supported()).isFalse();
        assertThat(verdict.figures()).containsExactly("190");
        assertThat(verdict.names()).isEmpty();
    }

    @Test
    void given_a_name_the_span_does_not_have_then_it_is_named() {
        Grounding.Verdict verdict = check("Il ciclista Luca Bianchi ha vinto la tappa.", IT, STAGE, "it");

        assertThat(verdict.supported()).isFalse();
        assertThat(verdict.names()).containsExactly("Luca", "Bianchi");
    }

    @Test
    void given_a_word_the_span_does_not_have_then_it_is_named() {
        Grounding.Verdict verdict = check("Rossi ha vinto la tappa con la pioggia.", IT, STAGE, "it");

        assertThat(verdict.supported()).isFalse();
        assertThat(verdict.words()).containsExactly("pioggia");
        assertThat(verdict.missing()).isEqualTo("words pioggia");
    }

    @Test
    void given_a_lower_share_of_words_to_say_then_one_extra_word_in_five_passes_and_a_figure_never_does() {
        Grounding lenient = new Grounding(LANGUAGES, 0.75);
        List<Grounding.Span> span = List.of(new Grounding.Span(STAGE, "it", Set.of()));

        String oneInFive = "Rossi ha vinto la tappa di 180 chilometri in 4 ore con la pioggia.";

        assertThat(lenient.check(oneInFive, IT, span, glossary).supported()).isTrue();
        assertThat(grounding.check(oneInFive, IT, span, glossary).supported()).isFalse();
        assertThat(lenient.check("Rossi ha vinto la tappa di 190 chilometri.", IT, span, glossary).supported())
                .isFalse();
    }

    @Test
    void given_a_negation_on_one_side_only_then_it_is_not_supported_either_way() {
        String lost = "La squadra non ha vinto la finale di Coppa.";

        assertThat(check("La squadra ha vinto la finale di Coppa.", IT, lost, "it").negation()).isTrue();
        assertThat(check("Rossi non ha vinto la tappa.", IT, STAGE, "it").supported()).isFalse();
        assertThat(check("La squadra non ha vinto la finale di Coppa.", IT, lost, "it").supported()).isTrue();
    }

    @Test
    void given_english_figures_with_a_currency_then_the_figure_must_be_the_spans() {
        assertThat(check("The striker was signed for €45 million.", EN, CLUB, "en").supported()).isTrue();
        assertThat(check("The club signed the striker for €54 million.", EN, CLUB, "en").figures())
                .containsExactly("54");
    }

    @Test
    void given_a_number_word_then_its_value_in_digits_says_it() {
        String span = "La squadra ha vinto tre finali in cinque anni.";

        assertThat(check("La squadra ha vinto 3 finali in 5 anni.", IT, span, "it").supported()).isTrue();
        assertThat(check("La squadra ha vinto quattro finali.", IT, span, "it").figures()).containsExactly("quattro");
    }

    @Test
    void given_a_name_the_cited_document_is_about_then_a_sentence_may_say_it_where_the_span_says_the_company() {
        String span = "L'azienda ha assunto 300 meccanici nel 2024.";
        List<Grounding.Span> about = List.of(new Grounding.Span(span, "it", Set.of("Ferrari")));

        assertThat(grounding.check("Ferrari ha assunto 300 meccanici nel 2024.", IT, about, glossary).supported())
                .isTrue();
        assertThat(check("Ferrari ha assunto 300 meccanici nel 2024.", IT, span, "it").names())
                .containsExactly("Ferrari");
    }

    @Test
    void given_a_quotation_framed_in_another_language_then_the_quotation_is_checked_against_its_span() {
        String framed = IT.otherLanguageFrame().replace("{corpus}", IT.refusals().one().corpus())
                .replace("{language}", IT.nameOf("en")).replace("{quote}", "The club signed the striker") + ".";

        assertThat(check(framed, IT, CLUB, "en").supported()).isTrue();
        assertThat(check(framed.replace("striker", "goalkeeper"), IT, CLUB, "en").words())
                .containsExactly("goalkeeper");
    }

    @Test
    void given_a_sentence_in_another_language_than_its_span_then_figures_names_and_glossary_words_cross() {
        String span = "Rossi è arrivato primo in bici davanti a 1,3 milioni di spettatori.";

        assertThat(check("Rossi won by bike in front of 1.3 million fans.", EN, span, "it").words())
                .as("only the words no glossary line bridges").containsExactly("won", "front");
    }
}
