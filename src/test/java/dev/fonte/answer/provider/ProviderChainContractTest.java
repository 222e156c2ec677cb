package dev.fonte.answer.provider;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.ChainPrompt;
import dev.fonte.answer.Citation;
import dev.fonte.answer.Question;
import dev.fonte.answer.provider.fake.FakeModelServer;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import reactor.core.publisher.Flux;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole answer chain (retrieval, prompt, real LangChain4j client, fake provider server, citation checking) for
 * one provider: what a language model writes decides the answer only as far as its citations hold.
 * The fake model reads the numbered sources back from the prompt it received, as a real model would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ProviderChainContractTest {

    static final String QUESTION = "Quanto pensa di spendere Meta quest'anno in infrastrutture per l'IA?";
    static final int SOURCES = 4;

    FakeModelServer server;
    ApplicationContext context;
    AnswerService answers;

    abstract Provider provider();

    abstract FakeModelServer startServer();

    @BeforeAll
    void start() {
        server = startServer();
        context = ApplicationContext.run(Map.of(
                "fonte.answer.provider", provider().id(),
                "fonte.answer.model", "fake-model-1",
                "fonte.answer.base-url", server.baseUrl(),
                "fonte.answer.api-key", "test-key",
                "fonte.answer.timeout", "2s",
                "fonte.answer.deadline", "4s",
                "fonte.answer.breaker-failures", "100",
                "fonte.retrieval.k", String.valueOf(SOURCES)));
        answers = context.getBean(AnswerService.class);
        // the first call in a JVM loads the client's classes: keep it out of the timed tests
        server.replies(quoting(1, "[1]"));
        answers.answer(Question.of(QUESTION));
    }

    @AfterAll
    void stop() {
        context.close();
        server.close();
    }

    @BeforeEach
    void forget() {
        server.forget();
    }

    String label() {
        return provider().id() + ":fake-model-1";
    }

    /** A model that copies source {@code n}'s sentence and cites it with {@code marker}. */
    static Function<String, String> quoting(int n, String marker) {
        return prompt -> sentence(prompt, n) + " " + marker + ".";
    }

    /** Source {@code n}'s sentence as the prompt shows it ("[n] sentence"), read the way a model reads it. */
    static String sentence(String prompt, int n) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\[" + n + "] (.*)$").matcher(prompt);
        if (!m.find()) {
            throw new AssertionError("the prompt has no source " + n + ":\n" + prompt);
        }
        return m.group(1).strip().replaceFirst("[.!?]+$", "");
    }

    Answer ask() {
        return answers.answer(Question.of(QUESTION));
    }

    @Test
    void given_a_model_citing_its_source_then_the_answer_is_grounded_on_that_exact_span() {
        server.replies(quoting(1, "[1]"));

        Answer answer = ask();

        assertThat(answer.answered()).isTrue();
        assertThat(answer.model()).isEqualTo(label());
        assertThat(answer.answer()).endsWith("[1].");
        assertThat(answer.citations()).hasSize(1);
        Citation citation = answer.citations().get(0);
        assertThat(answer.answer()).startsWith(citation.text().replaceFirst("[.!?]+$", ""));
        String prompt = server.lastRequest().body();
        // the retrieved sources open their lines; the sentences around them are numbered after them, indented
        assertThat(prompt).contains("\\n[1] ").contains("\\n[" + SOURCES + "] ").doesNotContain("\\n[" + (SOURCES + 1) + "] ")
                .contains("Answer language: it").contains(ChainPrompt.NOT_IN_SOURCES);
    }

    @Test
    void given_a_model_saying_the_fixed_phrase_then_the_answer_is_a_refusal_without_citations() {
        server.replies(ChainPrompt.NOT_IN_SOURCES);

        Answer answer = ask();

        assertThat(answer.answered()).isFalse();
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.answer()).doesNotContain("[").doesNotContain(ChainPrompt.NOT_IN_SOURCES);
        assertThat(answer.model()).isEqualTo(label());
    }

    @Test
    void given_a_bogus_marker_beyond_the_sources_then_it_is_dropped_with_its_sentence() {
        server.replies(prompt -> sentence(prompt, 1) + " [1]. " + "Meta comprerà la luna [97].");

        Answer answer = ask();

        assertThat(answer.answered()).isTrue();
        assertThat(answer.answer()).doesNotContain("[97]").doesNotContain("luna");
        assertThat(answer.citations()).extracting(Citation::n).containsExactly(1);
    }

    @Test
    void given_a_bogus_marker_beside_a_valid_one_then_only_the_valid_one_stays() {
        server.replies(prompt -> sentence(prompt, 2) + " [2][97].");

        Answer answer = ask();

        assertThat(answer.answer()).contains("[1]").doesNotContain("[97]").doesNotContain("[2]");
        assertThat(answer.citations()).hasSize(1);
    }

    @Test
    void given_markers_used_out_of_order_then_citations_are_renumbered_in_order_of_first_use() {
        server.replies(prompt -> sentence(prompt, 3) + " [3]. " + sentence(prompt, 1) + " [1].");

        Answer answer = ask();

        assertThat(answer.citations()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(answer.answer()).matches("(?s).*\\[1]\\..*\\[2]\\.$");
    }

    @Test
    void given_an_uncited_answer_then_it_is_not_presented_as_grounded_and_the_embedded_default_answers() {
        server.replies("Meta spenderà moltissimo, più di chiunque altro.");

        Answer answer = ask();

        assertThat(answer.answer()).doesNotContain("moltissimo");
        assertThat(answer.model()).isEqualTo("extractive (fallback: " + label() + " gave no valid citation)");
        if (answer.answered()) {
            assertThat(answer.citations()).isNotEmpty();
        }
    }

    @Test
    void given_a_failing_provider_then_the_embedded_default_answers_and_says_so() {
        server.failsWith(500);

        Answer answer = ask();

        assertThat(answer.model()).isEqualTo("extractive (fallback: " + provider().id() + " failed (HTTP 5xx))");
        // whatever the embedded default decides, it is a checked answer: cited when answered, no citation when not
        assertThat(answer.citations().isEmpty()).isEqualTo(!answer.answered());
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void given_a_streamed_answer_then_sources_come_first_and_done_equals_the_plain_answer() {
        server.replies(quoting(1, "[1]"));

        List<AnswerEvent> events = Flux.from(answers.stream(new Question(QUESTION, "stream-a")))
                .collectList().block(Duration.ofSeconds(10));
        Answer plain = answers.answer(new Question(QUESTION, "stream-b"));

        assertThat(events).isNotNull();
        assertThat(events.get(0)).isInstanceOf(AnswerEvent.Sources.class);
        assertThat(((AnswerEvent.Sources) events.get(0)).sources()).hasSize(SOURCES);
        assertThat(events.get(events.size() - 1)).isInstanceOf(AnswerEvent.Done.class);
        Answer done = ((AnswerEvent.Done) events.get(events.size() - 1)).answer();
        assertThat(done.answer()).isEqualTo(plain.answer());
        assertThat(done.citations()).isEqualTo(plain.citations());
        assertThat(done.model()).isEqualTo(label());
        String streamed = events.stream().filter(AnswerEvent.Delta.class::isInstance)
                .map(e -> ((AnswerEvent.Delta) e).text()).reduce("", String::concat);
        assertThat(streamed).isEqualTo(done.answer());
    }

    @Test
    void given_a_streamed_answer_with_an_unsupported_sentence_then_only_checked_sentences_are_streamed() {
        server.replies(prompt -> sentence(prompt, 1) + " [1]. Meta comprerà la luna [97]. " + sentence(prompt, 2) + " [2].");

        List<AnswerEvent> events = Flux.from(answers.stream(new Question(QUESTION, "stream-c")))
                .collectList().block(Duration.ofSeconds(10));

        assertThat(events).isNotNull();
        List<String> deltas = events.stream().filter(AnswerEvent.Delta.class::isInstance)
                .map(e -> ((AnswerEvent.Delta) e).text()).toList();
        Answer done = ((AnswerEvent.Done) events.get(events.size() - 1)).answer();
        assertThat(deltas).hasSizeGreaterThan(2).noneMatch(d -> d.contains("luna") || d.contains("[97]"));
        assertThat(deltas).allMatch(d -> !d.contains("[") || d.matches("(?s).*\\[\\d+].*"));
        assertThat(String.join("", deltas)).isEqualTo(done.answer());
        assertThat(done.citations()).extracting(Citation::n).containsExactly(1, 2);
    }

    @Test
    void given_a_follow_up_then_the_model_sees_the_conversation_so_far() {
        server.replies(quoting(1, "[1]"));

        answers.answer(new Question("Quanto investirà Meta nel 2025?", "history-a"));
        answers.answer(new Question("E l'anno scorso?", "history-a"));

        assertThat(server.lastRequest().body()).contains("Quanto investirà Meta nel 2025?").contains("E l'anno scorso?");
    }
}
