package dev.fonte.answer.extractive;

import dev.fonte.answer.AnswerRequest;
import dev.fonte.answer.AnswerWeights;
import dev.fonte.answer.Draft;
import dev.fonte.answer.ExtractiveConfiguration;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import dev.fonte.retrieval.Glossary;
import dev.fonte.retrieval.LexiconFactory;
import dev.fonte.retrieval.PassageIndex;
import dev.fonte.retrieval.ScoredPassage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Questions in one language about a document in another, with the shipped bilingual lexicon and no translation: a
 * tiny Italian corpus about a bakery chain asked in English. Every sentence is a source, so only the answer model
 * decides.
 */
class CrossLanguageAnswerTest {

    // two counts in one paragraph: only the one of what is asked answers
    private static final String ITALIAN = """
            La catena di panetterie Forno Sole conta 300 dipendenti in Italia e ha aperto 12 negozi nel 2024.

            Forno Sole è stata fondata a Bologna nel 1998.

            La Banca centrale europea ha tagliato i tassi giovedì.

            Il pane di farro della catena, il farrotto, costa 4 euro al chilo.

            I clienti italiani lo comprano soprattutto a colazione.

            Il ministero della Difesa compra il farrotto per le caserme: la difesa del prezzo resta difficile.
            """;

    private static final String ENGLISH = """
            Forno Sole's founder, Marco Rossi, 61, still runs the first shop.

            Each loaf of bread costs $3 in the first shop.

            Its defence of the old recipe won praise.

            The bakery's old oven broke down once.
            """;

    static PassageIndex index;
    static ExtractiveAnswerModel model;

    @BeforeAll
    static void build() {
        index = TestCorpus.index(Glossary.empty(), new Document("forno", "Forno Sole", "it", null, null, null, ITALIAN),
                new Document("founder", "The founder", "en", null, null, null, ENGLISH));
        Lexicon lexicon = Lexicon.load(Languages.standard(), null, LexiconFactory::analysed, LexiconFactory::keyed);
        // a low threshold, as in the engine's own tests: a corpus this small gives retrieval ranks no meaning
        model = new ExtractiveAnswerModel(Languages.standard(), lexicon, ExtractiveConfiguration.defaults(),
                AnswerWeights.defaults().withThreshold(0.15));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static String ask(String question) {
        return ask(question, "en");
    }

    private static String ask(String question, String language) {
        Draft draft = model.draft(request(question, language));
        return !draft.answered() ? "REFUSED"
                : draft.sentences().stream().map(Draft.Sentence::text).collect(Collectors.joining(" "));
    }

    /** The term of a question the engine reads from the words {@code surface}. */
    private static Term term(String question, String language, String surface) {
        return model.read(request(question, language)).terms().stream().filter(t -> t.surface().equals(surface))
                .findFirst().orElseThrow();
    }

    private static AnswerRequest request(String question, String language) {
        List<AnswerRequest.Source> sources = new ArrayList<>();
        for (Passage p : index.corpus().sentences()) {
            sources.add(new AnswerRequest.Source(sources.size() + 1, new ScoredPassage(p, 1.0),
                    index.corpus().document(p.documentId()).orElseThrow(), p.text()));
        }
        return new AnswerRequest(AnswerRequest.Task.ANSWER, question, question, Languages.standard().get(language),
                sources, List.of(), index);
    }

    @Test
    void what_a_count_counts_is_looked_for_in_the_documents_language() {
        // given a sentence counting employees ("dipendenti") and shops, when asked in English how many employees
        String answer = ask("How many employees does Forno Sole have?");

        // then the sentence that counts them in Italian answers, quoted in its language inside an English frame
        assertThat(answer).contains("300 dipendenti").startsWith("The article, in Italian, says:");
    }

    @Test
    void a_name_with_the_askers_possessive_ending_is_looked_for_as_the_other_language_writes_it() {
        // given the Italian document writes "Bologna", when a question says "Bologna's"
        Term bologna = term("How many people live in Bologna's suburbs?", "en", "Bologna's");

        // then the name is looked for in Italian without the English ending, as Italian analysis writes "Bologna"
        assertThat(bologna.phrases("it")).anyMatch(phrase -> phrase.size() == 1 && "bologna".startsWith(phrase.get(0)));
        // and a refusal does not claim that no document names it
        Draft draft = model.draft(request("How many people live in Bologna's suburbs?", "en"));
        assertThat(draft.answered()).isFalse();
        assertThat(draft.refusal().unknown()).doesNotContain("Bologna's");
    }

    @Test
    void a_count_of_something_the_document_does_not_count_is_refused() {
        assertThat(ask("How many bakers does Forno Sole have?")).isEqualTo("REFUSED");
    }

    @Test
    void a_name_the_question_says_in_its_own_language_is_not_who_it_asks_about() {
        // given the only sentence about the rate cut names the bank that cut them, in Italian
        String answer = ask("Who cut the ECB's rates?");

        // then the bank the question names is no answer to who did it
        assertThat(answer).isEqualTo("REFUSED");
    }

    @Test
    void the_word_an_age_is_asked_with_belongs_to_the_question_not_to_the_answer() {
        // given an English sentence that gives an age as a bare figure after the name, when asked in Italian
        String answer = ask("Quanti anni ha Marco Rossi?", "it");

        // then "anni" is how the question asks, not a word of its subject the answer must say in English ("years")
        assertThat(model.read(request("Quanti anni ha Marco Rossi?", "it")).terms()).extracting(Term::surface)
                .containsExactly("Marco", "Rossi");
        assertThat(answer).contains("Marco Rossi, 61").startsWith("L'articolo, in inglese, dice:");
    }

    @Test
    void a_word_only_another_languages_documents_write_as_it_is_is_a_name_the_answer_must_say() {
        // given "farrotto", which no English document uses and the lexicon does not translate, and an English
        // sentence about what bread costs
        String answer = ask("How much does farrotto cost?");

        // then the Italian sentence naming it answers, not the English one about another bread
        assertThat(answer).contains("4 euro").doesNotContain("$3");
        assertThat(model.read(request("How much does farrotto cost?", "en")).terms())
                .filteredOn(t -> t.surface().equals("farrotto")).extracting(Term::kind)
                .containsExactly(Term.Kind.CRITICAL);
    }

    @Test
    void a_word_only_the_askers_language_capitalises_is_no_name_a_sentence_in_another_language_must_say() {
        // given the Italian documents write "italiani" in lower case, and the sentence on where the chain was founded
        // does not say "italiana"
        Term italian = term("Which Italian city was Forno Sole founded in?", "en", "Italian");

        // then "Italian" is a name in English and a common word in Italian, which an Italian sentence need not say
        assertThat(italian.criticalIn("en")).isTrue();
        assertThat(italian.criticalIn("it")).isFalse();
        assertThat(ask("Which Italian city was Forno Sole founded in?")).contains("Bologna");
    }

    @Test
    void a_capitalised_word_its_own_language_also_writes_in_lower_case_stays_a_name_in_every_language() {
        // given the Italian documents write "Difesa" as a ministry's name and "difesa" as a common word, and the
        // English ones "defence" in lower case
        Term defence = term("Chi guida il ministero della Difesa?", "it", "Difesa");

        // then its capital is the name's, not the spelling of its language: a sentence in English must say it too
        assertThat(defence.criticalIn("it")).isTrue();
        assertThat(defence.criticalIn("en")).isTrue();
    }

    @Test
    void a_word_the_lexicon_does_not_know_is_looked_for_also_without_the_plural_the_asker_wrote() {
        // given "farrotto", which the lexicon does not know, asked in the English plural
        Term farrottos = term("How much do farrottos cost?", "en", "farrottos");

        // then the Italian sentence's word is one of the ways of saying it
        assertThat(farrottos.phrases("it")).contains(List.of("farrott"));
        assertThat(ask("How much do farrottos cost?")).contains("4 euro");
    }

    @Test
    void a_question_a_document_in_its_own_language_says_word_for_word_is_not_answered_by_senses_of_its_words() {
        // given an English sentence saying every word of the question and no time, and an Italian one with a year
        // whose "Forno" is one sense of "oven"
        String answer = ask("When did the oven break down?");

        // then the Italian sentence, which names nothing the question names, does not answer it
        assertThat(answer).isEqualTo("REFUSED");
        // and a question no English document says every word of is still answered from the Italian one
        assertThat(ask("When was Forno Sole founded?")).contains("1998");
    }

    @Test
    void a_word_of_a_name_that_another_language_drops_does_not_stand_for_the_rest_of_the_name() {
        // given "Dove", an Italian stop word, which any Italian sentence therefore "says", when asked of Dove Harbor,
        // which no Italian sentence names, then the dropped word does not imply "Harbor": no Italian sentence answers
        assertThat(ask("When was Dove Harbor founded?")).isEqualTo("REFUSED");
    }

    @Test
    void a_word_of_a_name_that_is_a_stop_word_in_the_documents_language_is_not_translated_as_a_common_word() {
        // given "AD" of the trial "Clarity AD": a stop word in Italian ("ad", to), and an English noun (an advert)
        Term ad = term("How many patients were in the Clarity AD trial?", "en", "AD");

        // then in Italian it is not looked for (the empty phrase, which every sentence says), not "annuncio"
        assertThat(ad.kind()).isEqualTo(Term.Kind.CRITICAL);
        assertThat(ad.phrases("it")).containsExactly(List.of());
        assertThat(ad.phrases("en")).containsExactly(List.of("ad"));
    }
}
