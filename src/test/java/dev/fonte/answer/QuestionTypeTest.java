package dev.fonte.answer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The kind of fact a question asks for, read from its own question word. */
class QuestionTypeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Quante GPU avrà Meta?|COUNT",
            "Quanti soldi ha speso Meta?|AMOUNT",
            "How much will Meta spend?|AMOUNT",
            "What is Microsoft spending on AI infrastructure?|AMOUNT",
            "What's Meta's share price right now?|PRICE",
            "Quanto vale oggi un'azione Meta?|PRICE",
            "Quanto vale il progetto Stargate?|AMOUNT",
            "Which city will host the data center?|PLACE",
            "Su quale piattaforma Zuckerberg ha dato la notizia?|PLACE",
            "Quando esce Llama 5?|TIME",
            "Chi è il CEO di Meta?|PERSON",
            // an open question word first: a typed one later is inside a clause
            "Come l'hanno presa gli sviluppatori quando Llama è stato aperto?|GENERIC",
            "Why does Zuckerberg think all this spending is worth it?|GENERIC",
            "How many GPUs will Meta run?|COUNT",
            "Is this article investment advice?|GENERIC",
            // a clause opened by "chi" (whoever) is the subject of a yes/no question, not a who-question
            "Chi ha scritto l'articolo ha azioni di Meta?|GENERIC",
            "Chi ha scritto l'articolo?|PERSON",
            "Chi ha detto che Meta ha speso 38 miliardi?|PERSON"})
    void reads_the_kind_of_fact_asked_for(String question, QuestionType expected) {
        assertThat(QuestionType.of(question)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "In a recent post on Facebook, Zuckerberg revealed the plan.|true",
            "In un recente post su Facebook, Zuckerberg ha rivelato i piani.|true",
            "Microsoft plans to invest $80 billion, based on OpenAI's technologies.|false",
            "The data center will be built in Louisiana.|true"})
    void a_place_is_a_location_or_the_medium_something_was_said_on(String sentence, boolean evidence) {
        assertThat(QuestionType.PLACE.hasEvidence(sentence)).isEqualTo(evidence);
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Quanta acqua consumerà il data center?|acqua consumerà il",
            "How much water will the data center use?|water will the",
            "How much capital expenditure is Meta planning?|capital expenditure is",
            "How much did Meta spend?|''",
            "How much money did Softbank put in?|''",
            "Quanto ha speso Meta?|''"})
    void a_how_much_question_names_what_it_measures(String question, String thing) {
        assertThat(QuestionType.measuredThing(question)).isEqualTo(thing);
    }

    @ParameterizedTest(name = "{1} <- {0}: {2}")
    @CsvSource(delimiter = '|', value = {
            "using more than 1.3 million GPUs|How much does a GPU cost?|false",
            "Meta will allocate up to $65 billion|How much does a GPU cost?|true",
            "un'iniziativa da 500 miliardi di dollari|Quanto vale il progetto Stargate?|true",
            "circa 1 gigawatt di nuova potenza di calcolo|Quanta potenza entrerà in funzione?|true",
            "un rialzo del 2%|Di quanto sono salite le azioni?|true"})
    void an_amount_of_money_is_answered_by_a_sum_of_money(String sentence, String question, boolean evidence) {
        assertThat(QuestionType.of(question)).isEqualTo(QuestionType.AMOUNT);
        assertThat(QuestionType.AMOUNT.evidence(question).test(sentence)).isEqualTo(evidence);
    }

    @ParameterizedTest(name = "{0} counts [{1}]: {2}")
    @CsvSource(delimiter = '|', value = {
            "utilizzando oltre 1, 3 milioni di GPU|GPU|true",
            "un colossale data center da 2 gigawatt|data center|false",
            "un incremento di oltre 1, 5 volte|volte|true",
            "a colossal data center of 2 gigawatts|gigawatts will|true",
            "Meta spent $38 billion last year|GPUs|false",
            "the plans for 2025|employees|false"})
    void a_number_before_a_unit_counts_only_that_unit(String sentence, String counted, boolean counts) {
        assertThat(QuestionType.counts(sentence, counted)).isEqualTo(counts);
    }

    @ParameterizedTest(name = "{0} -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "What was Meta's stock price at close?|stock price",
            "Quanto vale oggi un'azione Meta?|quanto vale oggi un'azione"})
    void a_price_question_names_what_it_prices(String question, String priced) {
        assertThat(QuestionType.pricedThing(question)).isEqualTo(priced);
    }
}
