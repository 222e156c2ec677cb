package dev.fonte.ops;

import dev.fonte.answer.Answer;
import dev.fonte.answer.BusyException;
import dev.fonte.answer.DefaultAnswerService;
import dev.fonte.answer.ExtractiveConfiguration;
import dev.fonte.answer.ConversationMemory;
import dev.fonte.answer.ExtractiveChatModel;
import dev.fonte.answer.Question;
import dev.fonte.retrieval.IndexManager;
import dev.fonte.retrieval.PassageRetriever;
import dev.fonte.retrieval.RetrievalConfiguration;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
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
            ChatModel extractive = context.getBean(ChatModel.class, Qualifiers.byName(ExtractiveChatModel.NAME));
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ChatModel slow = new ChatModel() {
                @Override
                public ChatResponse doChat(ChatRequest request) {
                    entered.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return extractive.chat(request);
                }
            };
            DefaultAnswerService service = new DefaultAnswerService(context.getBean(IndexManager.class),
                    context.getBean(PassageRetriever.class), slow, context.getBean(StreamingChatModel.class), extractive,
                    context.getBean(ConversationMemory.class), context.getBean(RetrievalConfiguration.class),
                    context.getBean(ExtractiveConfiguration.class), 1,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), 0);

            CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> service.answer(Question.of("Quante GPU?")));
            assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

            long started = System.nanoTime();
            assertThatThrownBy(() -> service.answer(Question.of("Quanto spende Meta?"))).isInstanceOf(BusyException.class);
            assertThatThrownBy(() -> service.stream(Question.of("Quanto spende Meta?"))).isInstanceOf(BusyException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));

            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).answered()).isTrue();
            assertThat(service.answer(Question.of("Quante GPU?")).answered()).as("the place is given back").isTrue();
        }
    }
}
