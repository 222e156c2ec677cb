package dev.fonte.answer;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.corpus.Segmenter;
import dev.fonte.retrieval.Glossary;
import dev.fonte.retrieval.PassageIndex;
import dev.fonte.retrieval.ScoredPassage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default's answer rules on a tiny English corpus built on purpose, with a glossary of its own: every
 * sentence is a source, as if retrieval had found them all, so only the answer model decides.
 */
class ExtractiveChatModelTest {

    private static final String TEXT = """
            Mark Zuckerberg, CEO of Meta, announced the plan in a post on Facebook.

            Meta raised its capital expenditure to $65 billion this year. Meta spent $38 billion last year.

            Investors hope Meta will generate profits from its advances.

            Together with Google and OpenAI, Meta leads the artificial intelligence landscape.

            Elon Musk also has ambitions to build large data centers for his companies.

            Meta's new data centers will draw 2 gigawatts of power.

            Wall paintings decorate the new offices.

            The author holds no shares in the companies mentioned.

            The Stargate initiative is worth $500 billion, which saw investments from Softbank.

            Meta will hire more engineers this year so that its Llama model becomes the leader.
            """;

    private static final String GLOSSARY = """
            capex, capital expenditure, spese in conto capitale
            revenue, revenues, ricavi, fatturato
            ceo, chief executive, boss
            stock market, wall street, borsa
            author, writer, autore
            """;

    @TempDir
    static Path folder;

    static PassageIndex index;
    static ExtractiveChatModel model;

    @BeforeAll
    static void build() throws IOException {
        Files.writeString(folder.resolve("glossary.synonyms"), GLOSSARY);
        List<Passage> passages = Segmenter.segment("doc", "en", TEXT);
        Corpus corpus = new Corpus(List.of(new Document("doc", "Meta's plan", "en", null, null, null, TEXT)), passages);
        index = PassageIndex.build(corpus, Glossary.load(folder), 0.3);
        model = new ExtractiveChatModel(() -> index,
                new ExtractiveConfiguration(0.35, 2, 6, 6, 0.5, 0.25, 0.5, 3, 0.5, 0.75, 0.5));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static String ask(String question) {
        List<ScoredPassage> sources = index.corpus().sentences().stream().map(p -> new ScoredPassage(p, 1.0)).toList();
        return model.answer(ChainPrompt.messages(ChainPrompt.Task.ANSWER, question, question, "en", sources,
                Map.of(), Map.of(), List.of()));
    }

    @Test
    void a_multi_word_glossary_term_is_one_term_however_many_synonyms_it_has() {
        List<QuestionTerms.Term> terms = QuestionTerms.of("What were Wall Street analysts expecting?", "en",
                index.queryAnalyzer("en"));
        assertThat(terms).extracting(QuestionTerms.Term::surface).containsExactly("Wall Street", "analysts", "expecting");
        assertThat(terms.get(0).alternatives()).contains("borsa", "wall", "street");
        // a glossary concept is not a name an answer must repeat
        assertThat(terms.get(0).kind()).isEqualTo(QuestionTerms.Kind.ORDINARY);
    }

    @Test
    void a_domain_concept_the_corpus_never_names_is_refused_not_answered_with_a_near_fact() {
        assertThat(ask("What was Meta's revenue last year?")).startsWith(ChainPrompt.NOT_IN_SOURCES).contains("revenue");
        assertThat(ask("How much did Meta spend last year?")).contains("$38 billion").doesNotStartWith(ChainPrompt.NOT_IN_SOURCES);
    }

    @Test
    void an_either_or_question_needs_a_sentence_naming_one_of_the_alternatives() {
        assertThat(ask("Did Meta raise or cut its capex?")).contains("raised its capital expenditure");
        // the sentence on the data centers' power names neither alternative
        assertThat(ask("Will Meta's new data centers draw nuclear or solar power?")).startsWith(ChainPrompt.NOT_IN_SOURCES);
    }

    @Test
    void an_identity_question_needs_the_whole_description() {
        assertThat(ask("Who is the CEO of Meta?")).contains("Mark Zuckerberg");
        assertThat(ask("Who is the CEO of Google?")).startsWith(ChainPrompt.NOT_IN_SOURCES);
    }

    @Test
    void a_rare_name_carries_the_question_when_the_other_words_are_only_phrasing() {
        assertThat(ask("Has Musk got something similar in mind?")).contains("Elon Musk");
    }

    @Test
    void a_where_question_is_answered_by_the_medium_something_was_said_on() {
        assertThat(ask("Where did Zuckerberg announce the plan?")).contains("post on Facebook");
    }

    @Test
    void a_multi_word_synonym_is_said_only_by_a_sentence_with_all_its_words() {
        // "Wall paintings" has one word of "wall street": a match when each word of a synonym counted alone;
        // "stock market" and "borsa" appear nowhere
        List<QuestionTerms.Term> terms = QuestionTerms.of("How did the stock market react?", "en", index.queryAnalyzer("en"));
        assertThat(terms.get(0).phrases()).contains(List.of("stock", "market"), List.of("borsa"));
        assertThat(ask("How did the stock market react?")).startsWith(ChainPrompt.NOT_IN_SOURCES);
    }

    @Test
    void english_function_words_are_not_content() {
        assertThat(QuestionTerms.of("Should I buy the stocks which they own?", "en", index.queryAnalyzer("en")))
                .extracting(QuestionTerms.Term::surface).containsExactly("buy", "stocks");
    }

    @Test
    void the_person_who_wrote_the_article_is_its_author() {
        assertThat(ask("Does the person who wrote this piece have a stake?")).contains("The author holds no shares");
        // asked who the author is: the corpus never names them, and the refusal says that it is who that is missing
        assertThat(ask("Who wrote this article?")).startsWith(ChainPrompt.NOT_IN_SOURCES);
        assertThat(ask("Who is the author of the article?"))
                .isEqualTo(ChainPrompt.NOT_IN_SOURCES + ": " + Refusals.factName(QuestionType.PERSON, "en"));
    }

    @Test
    void a_figure_is_not_about_a_name_that_stands_in_another_clause() {
        assertThat(ask("How much is the Stargate initiative worth?")).contains("$500 billion");
        // the relative clause names Softbank; the figure is outside it, and is Stargate's
        assertThat(ask("How much money did Softbank put in?")).startsWith(ChainPrompt.NOT_IN_SOURCES);
    }

    @Test
    void a_time_dates_the_event_of_its_own_clause() {
        assertThat(ask("When will Meta hire more engineers?")).contains("this year");
        // "this year" dates the hiring; the "that" clause about Llama has no time of its own
        assertThat(ask("When will Llama be released?")).startsWith(ChainPrompt.NOT_IN_SOURCES);
    }

    @Test
    void a_how_much_question_needs_what_it_measures_in_the_sentence_or_its_paragraph() {
        // the power sentence has a figure and the data centers, not water
        assertThat(ask("How much water will the new data centers draw?")).startsWith(ChainPrompt.NOT_IN_SOURCES);
        assertThat(ask("How much capital expenditure did Meta plan this year?")).contains("$65 billion");
    }

    @Test
    void a_question_in_capitals_names_no_one_by_its_capitals() {
        assertThat(ask("HOW MUCH DID META SPEND LAST YEAR?")).contains("$38 billion");
    }

    @Test
    void a_question_about_money_is_not_answered_by_another_figure() {
        // the data centers' sentence has a figure, in gigawatts
        assertThat(ask("How much will Meta's new data centers cost?")).startsWith(ChainPrompt.NOT_IN_SOURCES);
    }
}
