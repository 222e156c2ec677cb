package dev.fonte.corpus;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageDetectorTest {

    @ParameterizedTest(name = "\"{0}\" is Italian")
    @ValueSource(strings = {
            "E l'anno scorso?",
            "E l’anno scorso?",
            "Quanti GPU?",
            "Quante GPU userà Meta?",
            "Chi è il CEO di Meta?",
            "Quanto spenderà Meta nel 2025?",
            "Perché le azioni sono salite?",
            "Dove sarà il data center?",
            "Riassumi l'articolo",
            "Cosa dice su Llama 4?",
            "E Microsoft?",
    })
    void short_italian_questions_are_detected_as_italian(String question) {
        assertThat(LanguageDetector.detect(question)).isEqualTo("it");
    }

    @ParameterizedTest(name = "\"{0}\" is English")
    @ValueSource(strings = {
            "And last year?",
            "How many GPUs?",
            "How much will Meta spend in 2025?",
            "Who is the CEO of Meta?",
            "What's the data center's size?",
            "Why did the shares rise?",
            "Summarize the article",
            "What about Microsoft?",
            "Is it open source?",
    })
    void short_english_questions_are_detected_as_english(String question) {
        assertThat(LanguageDetector.detect(question)).isEqualTo("en");
    }

    @Test
    void given_no_evidence_either_way_then_the_score_is_zero_and_italian_the_corpus_language_is_chosen() {
        assertThat(LanguageDetector.score("Llama 4?")).isZero();
        assertThat(LanguageDetector.detect("Llama 4?")).isEqualTo("it");
        assertThat(LanguageDetector.detect("1,3")).isEqualTo("it");
    }

    @Test
    void the_two_real_articles_are_detected_as_their_declared_languages() {
        Corpus corpus = ConfiguredChrome.loader().load(ConfiguredChrome.CORPUS).corpus();

        assertThat(LanguageDetector.detect(corpus.document("meta-ai-2025-it").orElseThrow().text())).isEqualTo("it");
        assertThat(LanguageDetector.detect(corpus.document("meta-ai-2025-en").orElseThrow().text())).isEqualTo("en");
    }
}
