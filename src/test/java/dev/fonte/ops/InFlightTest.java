package dev.fonte.ops;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerRequest;
import dev.fonte.answer.BusyException;
import dev.fonte.answer.AnswerServiceConfiguration;
import dev.fonte.answer.ConversationMemory;
import dev.fonte.answer.DefaultAnswerService;
import dev.fonte.answer.Draft;
import dev.fonte.answer.ModelChain;
import dev.fonte.answer.Question;
import dev.fonte.answer.QuestionPreparer;
import dev.fonte.answer.provider.ResilientChatModel;
import dev.fonte.retrieval.IndexManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The number of answers in progress is bounded: one more is refused at once, not queued. */
class InFlightTest {

    @Test
    void given_the_only_place_is_taken_when_another_question_comes_then_it_is_refused_at_once() throws Exception {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(IndexManager.class).awaitReady(Duration.ofSeconds(60))).isTrue();
            ModelChain models = context.getBean(ModelChain.class);
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ModelChain slow = new ModelChain(context.getBean(ResilientChatModel.class), models.extractive(),
                    new SimpleMeterRegistry()) {
                @Override
                public Draft draft(AnswerRequest request) {
                    entered.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return super.draft(request);
                }
            };
            DefaultAnswerService service = new DefaultAnswerService(context.getBean(QuestionPreparer.class), slow,
                    context.getBean(ConversationMemory.class), new AnswerServiceConfiguration(1, 0, 3),
                    new SimpleMeterRegistry());

            CompletableFuture<Answer> first =
                    CompletableFuture.supplyAsync(() -> service.answer(Question.of("Quante GPU?")));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            assertThatThrownBy(() -> service.answer(Question.of("Quanto spende Meta?")))
                    .isInstanceOf(BusyException.class);
            assertThatThrownBy(() -> service.stream(Question.of("Quanto spende Meta?")))
                    .isInstanceOf(BusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).answered()).isTrue();
            assertThat(service.answer(Question.of("Quante GPU?")).answered()).as("the place is given back").isTrue();
        }
    }
}
