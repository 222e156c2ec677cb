package dev.fonte.retrieval;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Italian analysis: elision, stemming and stop words, shown on a tiny index and on the analyzer itself. */
class ItalianAnalysisTest {

    private static PassageIndex index;

    @BeforeAll
    static void buildIndex() {
        index = TinyIndex.italian()
                // elision with a typographic apostrophe, as the article writes it
                .doc("elisione-tipografica", "Meta punta tutto sull’intelligenza artificiale.")
                // the bare word, no article
                .doc("senza-articolo", "Una intelligenza diversa guida i robot.")
                // a plural, to test stemming against a singular query ("investimento")
                .doc("plurale", "Gli investimenti crescono ogni trimestre.")
                // a singular, to test stemming against a plural query ("data center", "modelli")
                .doc("singolare", "Il modello leader è aperto.")
                // nothing but stop words and one rare word: stop words must not make it match
                .doc("parole-vuote", "Il della di e la per con su tra fra nel un una lo gli sono stato vento.")
                // unrelated, a word sharing a prefix with "investimento" but not its stem
                .doc("distrattore", "Il vestito nuovo è in vetrina.")
                .build();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @ParameterizedTest(name = "\"{0}\" matches both forms of intelligenza")
    @ValueSource(strings = {"l'intelligenza", "l’intelligenza", "intelligenza", "dell'intelligenza",
            "all’intelligenza"})
    void an_elided_article_is_stripped_with_either_apostrophe(String query) {
        assertThat(TinyIndex.ranking(index, query))
                .containsExactlyInAnyOrder("elisione-tipografica", "senza-articolo");
    }

    @Test
    void the_analyzer_gives_an_elided_word_the_same_token_as_the_bare_word() {
        try (Analyzer analyzer = FonteAnalyzers.index("it")) {
            String bare = TinyIndex.tokens(analyzer, "intelligenza").get(0);
            assertThat(TinyIndex.tokens(analyzer, "l'intelligenza")).containsExactly(bare);
            assertThat(TinyIndex.tokens(analyzer, "L’Intelligenza")).containsExactly(bare);
            assertThat(TinyIndex.tokens(analyzer, "sull’intelligenza")).containsExactly(bare);
        }
    }

    @Test
    void given_a_singular_query_when_searched_then_the_plural_sentence_ranks_first() {
        assertThat(TinyIndex.ranking(index, "investimento")).containsExactly("plurale");
    }

    @Test
    void given_a_plural_query_when_searched_then_the_singular_sentence_ranks_first() {
        assertThat(TinyIndex.ranking(index, "modelli")).first().isEqualTo("singolare");
    }

    @Test
    void given_a_query_of_stop_words_only_when_searched_then_nothing_matches() {
        assertThat(TinyIndex.ranking(index, "il della di e la per con")).isEmpty();
    }

    @Test
    void given_a_query_with_stop_words_when_searched_then_only_its_content_word_decides_the_ranking() {
        // "parole-vuote" shares ten stop words with the query but not "modello"
        assertThat(TinyIndex.ranking(index, "il modello della di e la per con su tra"))
                .containsExactly("singolare");
    }

    @Test
    void accents_and_case_are_folded() {
        try (Analyzer analyzer = FonteAnalyzers.index("it")) {
            assertThat(TinyIndex.tokens(analyzer, "Società CAPACITÀ")).hasSize(2)
                    .isEqualTo(TinyIndex.tokens(analyzer, "societa capacita"));
        }
    }
}
