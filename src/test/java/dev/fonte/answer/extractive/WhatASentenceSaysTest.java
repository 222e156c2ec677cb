package dev.fonte.answer.extractive;

import dev.fonte.answer.AnswerWeights;
import dev.fonte.answer.ExtractiveConfiguration;
import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Segmenter;
import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import dev.fonte.retrieval.Glossary;
import dev.fonte.retrieval.PassageIndex;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a sentence asserts, and of what: a subheading names a topic and, unless it holds a figure or a time, asserts
 * nothing; a time dates only the event its clause says, not everything its names did; a year's results, announced
 * the year after and set against the year before, are the year's.
 */
class WhatASentenceSaysTest {

    private static final String FUNIVIA = """
            La nuova funivia collegherà la valle al ghiacciaio in dodici minuti.

            La funivia più lunga delle Alpi

            Una volta finita, la funivia sarà la più lunga d'Italia, ma non delle Alpi: quella di Zermatt la supera.

            2027: l'anno dell'apertura

            I cantieri chiuderanno in autunno.
            """;

    private static final String MUSEUM = """
            Anna Berg presented the new wing on Saturday, March 3, while the board said that its budget was approved.

            The museum's former director, Karl Weiss, will resign next year, the board said.
            """;

    private static final String RESULTS = """
            Il 4 febbraio 2025 la Vetrerie Alfa ha comunicato ricavi per 512 milioni di euro, il 9% in più rispetto al \
            2023.

            Le vendite all'estero sono cresciute in tutti i mercati.
            """;

    private static final String FESTIVAL = """
            The summer festival drew 80,000 people to its twelve concerts across the region this year.

            The organisers, led by Mara Sten, director of the festival since 2019, sold every ticket in a week.

            Since 2015 the festival's audience has grown by 30,000 people.
            """;

    private static final String PREMIO = """
            Domenica la messa per il premio è stata celebrata nella Basilica Aurea davanti a mille fedeli.

            Alla fine della cerimonia il sindaco ha consegnato il premio a Giulia Bassi.
            """;

    private static final String MULTA = """
            El tribunal ha condenado al alcalde de Villaserra por el desvío de fondos públicos.

            Si no paga la multa, cumplirá un día de arresto por cada dos cuotas impagadas.
            """;

    private static final String CHAMPION = """
            Lena Varga broke the record held by Tomas Ortel, who was 24 when he won the title in 1990. Born in Szeged \
            on 3 May 2004, Varga is the youngest champion in the federation's history.
            """;

    private static final String MOTORI = """
            Orsini Motori ha chiuso il 2024 con ricavi record di 900 milioni di euro.

            A guidare l'azienda è l'amministratore delegato Paolo Neri, in carica dal 2021.

            Orsini Motori ha consegnato 4.000 vetture nel 2024.
            """;

    private static final String ROVERS = """
            The title is Rovers' 14th league championship, won at home in front of their supporters.
            """;

    private static final String ESTADIO = """
            El estadio del Rovers es el segundo estadio más visitado del país.
            """;

    private static final String SINDACI = """
            Il sindaco di Borgoverde, Marco Neri, ha chiuso le scuole per i controlli, e lo stesso hanno fatto \
            Valfonda e il sindaco di Montebello, Anna Riva, per le scuole del centro.
            """;

    private static final String ARRESTS = """
            In May the city police arrested two foreign citizens suspected of planning an attack on the market of \
            Dunmore.
            """;

    private static final String SEGGI = """
            Alle elezioni regionali Fratelli d'Italia conquista 24 seggi su 50.

            Fratelli d'Italia ha 3 consiglieri in più del 2019, ha detto il segretario del partito.
            """;

    private static final String RECORD = """
            Lena Varga broke the record held by Tomas Ortel, who was 24 when he won the title in 1990.
            """;

    private static final String AFFLUENZA = """
            Alle comunali di Valdarno l'affluenza più alta si è registrata a Borgoverde, con il 41%.

            Alle comunali di Valdarno l'affluenza più bassa si è registrata a Montefosco, con il 18%.
            """;

    static PassageIndex index;
    static ExtractiveAnswerModel model;

    @BeforeAll
    static void build() {
        index = TestCorpus.index(Glossary.empty(),
                new Document("funivia", "Una funivia fino al ghiacciaio", "it", null, null, null, FUNIVIA),
                new Document("museum", "A new wing for the city museum", "en", null, null, null, MUSEUM),
                new Document("alfa", "Vetrerie Alfa chiude il 2024 con ricavi record", "it", null, null, null,
                        RESULTS),
                new Document("festival", "A summer festival of records", "en", null, null, null, FESTIVAL),
                new Document("premio", "Un premio per la città", "it", null, null, null, PREMIO),
                new Document("multa", "Condenado el alcalde de Villaserra", "es", null, null, null, MULTA),
                new Document("champion", "A new youngest champion", "en", null, null, null, CHAMPION),
                new Document("motori", "Orsini Motori, un anno record", "it", null, null, null, MOTORI),
                new Document("rovers", "Rovers are champions again", "en", null, null, null, ROVERS),
                new Document("estadio", "El estadio del Rovers", "es", null, null, null, ESTADIO),
                new Document("sindaci", "Scuole chiuse dopo la scossa", "it", null, null, null, SINDACI),
                new Document("seggi", "Regionali, i seggi", "it", null, null, null, SEGGI),
                new Document("affluenza", "Comunali di Valdarno, l'affluenza", "it", null, null, null, AFFLUENZA));
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

    @Test
    void results_announced_the_year_after_and_set_against_the_year_before_are_the_years_of_the_title() {
        // given a sentence dated 2025 that gives revenue up on 2023, in a document whose title speaks of 2024
        // when asked for 2024's revenue, then for 2023's
        // then it answers the first and not the second
        assertThat(TestCorpus.eligible(model, index, "A quanto ammontano i ricavi della Vetrerie Alfa nel 2024?"))
                .anyMatch(s -> s.startsWith("Il 4 febbraio 2025"));
        assertThat(TestCorpus.eligible(model, index, "A quanto ammontano i ricavi della Vetrerie Alfa nel 2023?"))
                .noneMatch(s -> s.startsWith("Il 4 febbraio 2025"));
    }

    @Test
    void a_state_said_to_last_since_a_year_holds_in_the_years_after() {
        // given a director "of the festival since 2019", in a sentence that writes no other year
        // when asked who directed it in 2022, then in 2017
        // then the sentence answers the first, not the second
        assertThat(TestCorpus.eligible(model, index, "Who was the director of the festival in 2022?"))
                .anyMatch(s -> s.startsWith("The organisers, led by Mara Sten"));
        assertThat(TestCorpus.eligible(model, index, "Who was the director of the festival in 2017?"))
                .noneMatch(s -> s.startsWith("The organisers, led by Mara Sten"));
    }

    @Test
    void a_name_given_as_a_place_is_not_who() {
        // given a mass celebrated "nella Basilica Aurea", with no celebrant named
        // when asked who celebrated it
        // then the basilica is no answer
        assertThat(TestCorpus.eligible(model, index, "Chi ha celebrato la messa per il premio?"))
                .noneMatch(s -> s.startsWith("Domenica la messa"));
    }

    @Test
    void a_name_after_a_preposition_that_also_says_to_whom_can_be_who() {
        // given a prize handed "a Giulia Bassi": the Italian "a" says where and to whom
        // when asked to whom the mayor gave it
        // then that sentence answers
        assertThat(TestCorpus.eligible(model, index, "A chi ha consegnato il premio il sindaco?"))
                .anyMatch(s -> s.startsWith("Alla fine della cerimonia"));
    }

    @Test
    void a_number_written_in_words_is_no_amount() {
        // given a fine whose amount is not said, and "dos cuotas" in the sentence about it
        // when asked how much the fine is
        // then "dos" is no answer
        assertThat(TestCorpus.eligible(model, index, "¿De cuánto es la multa del alcalde de Villaserra?"))
                .noneMatch(s -> s.startsWith("Si no paga la multa"));
    }

    @Test
    void a_figure_since_a_year_is_a_total_not_a_later_years() {
        // given an audience grown by 30,000 people since 2015
        // when asked how much it grew in 2022 alone
        // then that total is no answer
        assertThat(TestCorpus.eligible(model, index, "By how many people did the festival's audience grow in 2022?"))
                .noneMatch(s -> s.startsWith("Since 2015"));
    }

    @Test
    void a_sentence_whose_subject_is_another_name_does_not_speak_of_the_name_before_it() {
        // given a sentence naming Ortel, then one opening with where someone was born and going on with Varga
        // when asked where Ortel was born, then where Varga was
        // then the second sentence answers Varga's question only
        assertThat(TestCorpus.eligible(model, index, "Where was Tomas Ortel born?"))
                .noneMatch(s -> s.startsWith("Born in Szeged"));
        assertThat(TestCorpus.eligible(model, index, "Where was Lena Varga born?"))
                .anyMatch(s -> s.startsWith("Born in Szeged"));
    }

    @Test
    void a_description_said_of_the_company_is_said_of_the_documents_subject() {
        // given a document about Orsini Motori whose sentence on its chief executive says "l'azienda"
        // when asked who the chief executive of Orsini Motori is, then of Vetrerie Alfa
        // then that sentence answers the first, not the second
        assertThat(TestCorpus.eligible(model, index, "Chi è l'amministratore delegato di Orsini Motori?"))
                .anyMatch(s -> s.startsWith("A guidare l'azienda"));
        assertThat(TestCorpus.eligible(model, index, "Chi è l'amministratore delegato della Vetrerie Alfa?"))
                .noneMatch(s -> s.startsWith("A guidare l'azienda"));
    }

    @Test
    void a_place_in_a_series_counts_the_things_of_the_series() {
        // given a title said to be Rovers' 14th league championship
        // when asked how many league championships Rovers have won, then how many cups
        // then the ordinal counts the first, and says nothing of the second
        assertThat(TestCorpus.eligible(model, index, "How many league championships have Rovers won?"))
                .anyMatch(s -> s.startsWith("The title is Rovers' 14th"));
        assertThat(TestCorpus.eligible(model, index, "How many cups have Rovers won?"))
                .noneMatch(s -> s.startsWith("The title is Rovers' 14th"));
    }

    @Test
    void a_rank_counts_nothing() {
        // given a stadium said to be "el segundo estadio más visitado"
        // when asked how many visitors it had
        // then the rank is no count of them
        assertThat(TestCorpus.eligible(model, index, "¿Cuántos visitantes recibió el estadio del Rovers?"))
                .noneMatch(s -> s.startsWith("El estadio del Rovers"));
    }

    @Test
    void a_name_after_the_description_and_a_genitive_is_whose_it_is_not_who_fits_it() {
        // given a sentence on the mayors of Borgoverde and Montebello that names Valfonda without its mayor
        // when asked who the mayor of Valfonda is, then of Montebello
        // then "Montebello" (of "il sindaco di Montebello") answers neither; Anna Riva answers the second
        assertThat(TestCorpus.eligible(model, index, "Chi è il sindaco di Valfonda?"))
                .noneMatch(s -> s.startsWith("Il sindaco di Borgoverde"));
        assertThat(TestCorpus.eligible(model, index, "Chi è il sindaco di Montebello?"))
                .anyMatch(s -> s.startsWith("Il sindaco di Borgoverde"));
    }

    @Test
    void a_count_may_name_what_it_counts_by_a_word_near_in_meaning() throws IOException {
        // given "arrested two foreign citizens", in an index with the embedding model (what is near in meaning is its
        // say: it puts "citizens" near "people", "young men" not)
        // when asked how many people the police arrested, then how many weapons they seized
        // then the count answers the first (citizens are people), not the second
        Corpus corpus = new Corpus(List.of(new Document("arrests", "Arrests in Dunmore", "en", null, null, null,
                ARRESTS)), Segmenter.segment("arrests", "en", ARRESTS));
        try (PassageIndex arrests = PassageIndex.build(corpus, Glossary.empty(), 0.3,
                new AllMiniLmL6V2QuantizedEmbeddingModel())) {
            assertThat(TestCorpus.eligible(model, arrests, "How many people did the Dunmore police arrest?"))
                    .anyMatch(s -> s.startsWith("In May the city police"));
            assertThat(TestCorpus.eligible(model, arrests, "How many weapons did the Dunmore police seize?"))
                    .noneMatch(s -> s.startsWith("In May the city police"));
        }
    }

    @Test
    void a_word_said_only_inside_a_name_is_not_the_thing_counted() {
        // given "Fratelli d'Italia conquista 24 seggi", and a sentence opening with the name
        // when asked how many brothers someone has, then how many seats the party won
        // then the name's "Fratelli" counts no brothers; the seats are counted
        assertThat(TestCorpus.eligible(model, index, "Quanti fratelli ha il presidente della regione?"))
                .noneMatch(s -> s.startsWith("Alle elezioni regionali") || s.startsWith("Fratelli d'Italia ha 3"));
        assertThat(TestCorpus.eligible(model, index, "Quanti seggi conquista Fratelli d'Italia alle regionali?"))
                .anyMatch(s -> s.startsWith("Alle elezioni regionali"));
    }

    @Test
    void the_present_is_the_documents_year() throws IOException {
        // given a document of 2025 that gives Tomas Ortel's age when he won the title in 1990
        // when asked how old he is today, then how old he was when he won it
        // then that age answers the second question only
        try (PassageIndex record = TestCorpus.index(Glossary.empty(),
                new Document("record", "A record broken", "en", null, "2025-03-01", null, RECORD))) {
            assertThat(TestCorpus.eligible(model, record, "How old is Tomas Ortel today?"))
                    .noneMatch(s -> s.startsWith("Lena Varga broke"));
            assertThat(TestCorpus.eligible(model, record, "How old was Tomas Ortel when he won the title?"))
                    .anyMatch(s -> s.startsWith("Lena Varga broke"));
        }
    }

    @Test
    void a_question_for_one_end_of_a_ranking_is_not_answered_by_the_other() {
        // given the town with the highest turnout and the one with the lowest, in two sentences
        // when asked where turnout was lowest
        // then the highest is no answer, the lowest is
        assertThat(TestCorpus.eligible(model, index, "Dove è stata più bassa l'affluenza alle comunali di Valdarno?"))
                .noneMatch(s -> s.contains("Borgoverde"))
                .anyMatch(s -> s.contains("Montefosco"));
    }
}
