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

/** A time answers "when" only where its clause says what happened, not only who it happened to. */
class DatedEventsTest {

    private static final String TEXT = """
            Anna Berg presented the new wing on Saturday, March 3, while the board said that its budget was approved.

            The museum's former director, Karl Weiss, will resign next year, the board said.
            """;

    static PassageIndex index;
    static ExtractiveAnswerModel model;

    @BeforeAll
    static void build() {
        index = TestCorpus.index(Glossary.empty(),
                new Document("museum", "A new wing for the city museum", "en", null, null, null, TEXT));
        model = new ExtractiveAnswerModel(Languages.standard(), Lexicon.empty(), ExtractiveConfiguration.defaults(),
                AnswerWeights.defaults());
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void a_date_said_of_a_person_does_not_date_another_event_of_theirs() {
        // given a sentence dating what Anna Berg presented
        // when asked when she will resign, an event the corpus speaks of only for someone else
        // then that sentence's date is no answer
        assertThat(TestCorpus.eligible(model, index, "When will Anna Berg resign?"))
                .noneMatch(s -> s.startsWith("Anna Berg presented"));
    }

    @Test
    void a_date_in_the_clause_of_the_event_answers() {
        // given the same sentence
        // when asked when the wing was presented
        // then its date answers
        assertThat(TestCorpus.eligible(model, index, "When was the new wing presented?"))
                .anyMatch(s -> s.startsWith("Anna Berg presented"));
    }
}
