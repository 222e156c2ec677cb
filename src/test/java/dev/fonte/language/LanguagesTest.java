package dev.fonte.language;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LanguagesTest {

    private final Languages languages = Languages.standard();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Quante GPU avrà Meta entro fine anno?|it",
            "How many GPUs will Meta have by the end of the year?|en",
            "¿Cuántos goles marcó el delantero en la final?|es",
            "Chi ha vinto la tappa di ieri?|it",
            "What's the capital of the region?|en",
            "¿Dónde se celebrará la próxima edición?|es"})
    void each_registered_language_is_told_apart_by_its_own_words(String text, String code) {
        assertThat(languages.detect(text).code()).isEqualTo(code);
    }

    @Test
    void a_text_with_no_evidence_is_not_recognised_and_detect_falls_back_to_the_default() {
        assertThat(languages.recognise("GPU 2025?")).isEmpty();
        assertThat(languages.detect("GPU 2025?")).isEqualTo(languages.defaultLanguage());
    }

    @Test
    void a_capitalised_name_is_no_evidence_of_a_language_by_the_shape_of_its_ending() {
        // "Pinault" ends like an English word; the follow-up is left to the conversation's language
        assertThat(languages.recognise("E la famiglia Pinault?")).isNotEqualTo(Optional.of(languages.get("en")));
        assertThat(languages.recognise("And the Pinault family?")).contains(languages.get("en"));
    }

    @Test
    void a_word_only_one_languages_documents_use_is_evidence_of_that_language() {
        // given a short Italian question whose one telling word has the shape of an English one ("stalking")
        String question = "La Corte ha riconosciuto lo stalking?";
        assertThat(languages.recognise(question)).contains(languages.get("en"));

        // when the corpus's Italian documents alone use "riconosciuto" and "stalking", and Spanish ones "corte" too,
        // then the question is read as Italian
        Languages.Vocabulary corpus = (language, word) -> language.equals("it")
                && List.of("riconosciuto", "stalking", "corte").contains(word)
                || language.equals("es") && word.equals("corte");
        assertThat(languages.recognise(question, corpus)).contains(languages.get("it"));
        // and a word every language's documents use tells nothing, nor does a capitalised one
        Languages.Vocabulary everywhere = (language, word) -> true;
        assertThat(languages.recognise(question, everywhere)).contains(languages.get("en"));
        assertThat(languages.recognise("Riconosciuto stalking?", corpus))
                .isNotEqualTo(Optional.of(languages.get("it")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_title_quote_that_is_not_a_pair_of_marks_fails_the_pack_naming_the_key() throws IOException {
        // given the Italian pack with one quotation mark where a pair of an opening and a closing one belongs
        Map<String, Object> pack;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("languages/it.yaml")) {
            pack = new org.yaml.snakeyaml.Yaml().load(in);
        }
        Map<String, Object> things = new LinkedHashMap<>((Map<String, Object>) pack.get("things"));
        things.put("titleQuotes", List.of("«"));
        pack.put("things", things);

        // then loading it fails, saying which key is wrong and what it must be
        assertThatThrownBy(() -> Language.of("languages/it.yaml", pack)).isInstanceOf(LanguagePackException.class)
                .hasMessageContaining("things.titleQuotes").hasMessageContaining("«»");
    }

    @Test
    void every_pack_builds_its_analysis_and_writes_numbers_one_way() throws IOException {
        assertThat(terms(languages.get("it"), "L'intelligenza artificiale: 1,3 milioni e 13.000 dipendenti"))
                .containsExactly("intelligenz", "artificial", "1_3", "milion", "13000", "dipendent");
        assertThat(terms(languages.get("en"), "Meta's 1.3 million GPUs and 13,000 employees"))
                .containsExactly("meta", "1_3", "million", "gpu", "13000", "employe");
        assertThat(terms(languages.get("es"), "Los 1,3 millones de dólares")).contains("1_3", "millon", "dolar");
    }

    private static List<String> terms(Language language, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (Analyzer a = language.analysis().analyzer(language.code(), null);
             TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        }
        return out;
    }
}
