package dev.fonte.answer.extractive;

import dev.fonte.answer.AnswerWeights;
import dev.fonte.answer.ExtractiveConfiguration;
import dev.fonte.corpus.Document;
import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import dev.fonte.retrieval.Glossary;
import dev.fonte.retrieval.PassageIndex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sentence that leaves its subject implicit ("The company will...") is about its document's subject: two shipping
 * lines whose names share a word the corpus also writes as a common word ("shipping"), each document saying the same
 * kind of fact. Every sentence is a source, as if retrieval had found them all.
 */
class ImpliedNamesTest {

    private static final String AURORA = """
            Aurora Shipping published its plan on Monday. The company will buy 14 tankers by 2027.

            Aurora Shipping is one of the oldest groups in the port. Freight rates for shipping rose this year.
            """;

    private static final String HALDEN = """
            Halden Shipping presented its results on Monday. The company will buy 9 tankers by 2027.

            Halden Shipping said that demand for shipping is strong. Halden Shipping will buy 6 tankers next year.
            """;

    static PassageIndex index;
    static ExtractiveAnswerModel model;

    @BeforeAll
    static void build() {
        index = TestCorpus.index(Glossary.empty(),
                new Document("aurora", "Aurora Shipping expands its fleet", "en", null, null, null, AURORA),
                new Document("halden", "Halden Shipping bets on shipping", "en", null, null, null, HALDEN));
        model = new ExtractiveAnswerModel(Languages.standard(), Lexicon.empty(), ExtractiveConfiguration.defaults(),
                AnswerWeights.defaults());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static List<String> eligible(String question) {
        return TestCorpus.eligible(model, index, question);
    }

    @Test
    void a_sentence_with_an_implicit_subject_speaks_for_its_documents_subject_only() {
        // given two documents whose implicit sentences say the same kind of fact of two different lines
        // when asked about one of them
        List<String> eligible = eligible("How many tankers will Aurora Shipping buy?");

        // then its own document's sentence answers, and the other line's sentence does not, though its document
        // is about "shipping" too
        assertThat(eligible).contains("The company will buy 14 tankers by 2027.")
                .doesNotContain("The company will buy 9 tankers by 2027.");
    }

    @Test
    void a_common_word_of_a_name_does_not_stand_for_the_name() {
        // given a sentence naming another line whose name shares the common word "Shipping"
        // when asked about the first line
        List<String> eligible = eligible("How many tankers will Aurora Shipping buy?");

        // then that sentence is not about it
        assertThat(eligible).doesNotContain("Halden Shipping will buy 6 tankers next year.");
    }
}
