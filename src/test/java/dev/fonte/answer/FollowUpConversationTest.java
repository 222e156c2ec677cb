package dev.fonte.answer;

import dev.fonte.retrieval.IndexManager;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-ups in a conversation, on a corpus of its own that no evaluation suite uses (a museum, a theatre, a
 * cooperative): each document names two people with their ages, one beside the words of the first question and one
 * not, so that a follow-up about "her" or "him" is answered about the person the previous answer named, or refused.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FollowUpConversationTest implements TestPropertyProvider {

    private static final String MUSEUM = """
            ---
            title: Harbour city opens its maritime museum after six years of work
            language: en
            date: 2024-05-12
            ---
            The harbour city opened its new maritime museum on Saturday, six years after work began on the old \
            customs warehouse by the docks.

            The director of the maritime museum, Helen Marsh, said the collection would tell the story of the port \
            through the people who worked in it.

            Helen Marsh, 58, previously ran a gallery of naval paintings in Bristol for eleven years.

            The mayor, Paul Grant, 63, said the museum had cost the city £24 million and would draw 150,000 visitors \
            a year.

            The building keeps the warehouse's brick walls and adds a glass roof over the central hall.
            """;

    private static final String THEATRE = """
            ---
            title: Riapre il Teatro Nuovo dopo tre anni di restauri
            language: it
            date: 2024-10-03
            ---
            Il Teatro Nuovo riapre sabato dopo tre anni di restauri, con una stagione di quaranta spettacoli.

            Il direttore artistico del Teatro Nuovo, Marco Bellini, ha presentato il cartellone in una conferenza \
            stampa.

            Bellini, 47 anni, ha diretto per dieci anni un festival di musica antica a Urbino.

            La sindaca, Giulia Conti, 52 anni, ha detto che il restauro del teatro è costato 9 milioni di euro.

            La sala principale conta ora 780 posti, cento in più di prima.

            I costumi sono del sarto Piero Dell'Acqua, 66 anni, che lavora con la scenografa Anna Russo.
            """;

    private static final String COOPERATIVE = """
            ---
            title: La cooperativa de Tudela abre su nueva almazara
            language: es
            date: 2024-11-20
            ---
            La cooperativa agrícola de Tudela inauguró el martes su nueva almazara, que podrá moler 40 toneladas de \
            aceituna al día.

            La presidenta de la cooperativa, Lucía Ferrer, explicó que la planta dará trabajo a doce personas.

            Ferrer, de 44 años, dirige la cooperativa desde 2019.

            El alcalde, Andrés Molina, de 61 años, recordó que la almazara ha costado 3 millones de euros.
            """;

    @Inject
    AnswerService answers;

    @Inject
    IndexManager indexes;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path corpus = Files.createTempDirectory("fonte-follow-ups");
            Files.writeString(corpus.resolve("maritime-museum.en.md"), MUSEUM);
            Files.writeString(corpus.resolve("teatro-nuovo.it.md"), THEATRE);
            Files.writeString(corpus.resolve("almazara-tudela.es.md"), COOPERATIVE);
            return Map.of("fonte.corpus.path", corpus.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void ready() {
        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();
    }

    /** The answer to {@code then}, asked in the conversation {@code first} opened. */
    private Answer followUp(String first, String then) {
        Answer opening = answers.answer(Question.of(first));
        assertThat(opening.answered()).as("the opening question is answered: %s", opening.answer()).isTrue();
        return answers.answer(new Question(then, opening.conversationId()));
    }

    @Test
    void a_pronoun_after_a_who_question_speaks_of_the_person_the_answer_named() {
        // given an answer that names the museum's director
        // when the next question asks how old "she" is
        Answer age = followUp("Who is the director of the maritime museum?", "How old is she?");

        // then it is answered with the director's age, not the mayor's, which stands beside the museum's name
        assertThat(age.answered()).as(age.answer()).isTrue();
        assertThat(age.answer()).contains("58").doesNotContain("63");
    }

    @Test
    void a_question_with_an_implicit_subject_after_a_who_question_speaks_of_the_person_the_answer_named() {
        // given an answer that names the theatre's artistic director
        // when the next question asks an age with no subject at all
        Answer age = followUp("Chi è il direttore artistico del Teatro Nuovo?", "Quanti anni ha?");

        // then it is the director's age, in Italian
        assertThat(age.answered()).as(age.answer()).isTrue();
        assertThat(age.language()).isEqualTo("it");
        assertThat(age.answer()).contains("47").doesNotContain("52");
    }

    @Test
    void a_spanish_follow_up_opening_with_an_inverted_mark_leans_on_the_previous_answer() {
        // given an answer that names the cooperative's president
        // when the next question opens with "¿Y" and names no one
        Answer age = followUp("¿Quién es la presidenta de la cooperativa?", "¿Y cuántos años tiene ahora?");

        // then it is the president's age, not the mayor's
        assertThat(age.answered()).as(age.answer()).isTrue();
        assertThat(age.language()).isEqualTo("es");
        assertThat(age.answer()).contains("44").doesNotContain("61");
    }

    @Test
    void a_follow_up_about_the_named_person_that_the_corpus_does_not_answer_is_refused_in_its_language() {
        // given an answer that names the museum's director, whose birthplace no document gives
        // when the next question asks where she was born
        Answer born = followUp("Who is the director of the maritime museum?", "Where was she born?");

        // then it is refused, in English, rather than answered with a place another sentence names
        assertThat(born.answered()).as(born.answer()).isFalse();
        assertThat(born.language()).isEqualTo("en");
        assertThat(born.citations()).isEmpty();
    }

    @Test
    void a_follow_up_naming_someone_else_drops_the_previous_name_whole() {
        // given the tailor's age, asked by a name with an apostrophe in it
        // when the next question asks the same of the set designer, whose age no document gives
        Answer other = followUp("Quanti anni ha Piero Dell'Acqua?", "E Anna Russo?");

        // then it is refused: no part of "Dell'Acqua" stays in the question to tie the tailor's age to her
        assertThat(other.answered()).as(other.answer()).isFalse();
    }

    @Test
    void a_follow_up_age_in_italian_that_the_corpus_does_not_give_is_refused_in_italian() {
        // given an answer that names the theatre's artistic director
        // when the next question asks since when he has held the post, which no document says
        Answer since = followUp("Chi è il direttore artistico del Teatro Nuovo?", "Da quando è in carica?");

        // then it is refused in Italian
        assertThat(since.answered()).as(since.answer()).isFalse();
        assertThat(since.language()).isEqualTo("it");
    }
}
