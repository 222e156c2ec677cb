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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subheading names what the paragraphs under it are about; unless it holds a figure or a time, it asserts nothing,
 * and a question is not answered by repeating it.
 */
class HeadingsTest {

    private static final String TEXT = """
            La nuova funivia collegherà la valle al ghiacciaio in dodici minuti.

            La funivia più lunga delle Alpi

            Una volta finita, la funivia sarà la più lunga d'Italia, ma non delle Alpi: quella di Zermatt la supera.

            2027: l'anno dell'apertura

            I cantieri chiuderanno in autunno.
            """;

    static PassageIndex index;
    static ExtractiveAnswerModel model;

    @BeforeAll
    static void build() {
        index = TestCorpus.index(Glossary.empty(),
                new Document("funivia", "Una funivia fino al ghiacciaio", "it", null, null, null, TEXT));
        model = new ExtractiveAnswerModel(Languages.standard(), Lexicon.empty(), ExtractiveConfiguration.defaults(),
                AnswerWeights.defaults());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void a_heading_without_a_figure_does_not_answer_a_question_it_repeats() {
        // given a subheading that only names the topic of its section
        // when a yes/no question repeats its words
        // then the heading is no answer; the sentence that says it is
        assertThat(TestCorpus.eligible(model, index, "Sarà la funivia più lunga delle Alpi?"))
                .doesNotContain("La funivia più lunga delle Alpi")
                .anyMatch(s -> s.startsWith("Una volta finita"));
    }

    @Test
    void a_heading_that_holds_a_time_can_answer() {
        // given a subheading that says a year
        // when asked which year it is
        // then it may answer
        assertThat(TestCorpus.eligible(model, index, "Qual è l'anno dell'apertura della funivia?"))
                .contains("2027: l'anno dell'apertura");
    }
}
