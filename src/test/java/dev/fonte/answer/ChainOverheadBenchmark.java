package dev.fonte.answer;

import dev.fonte.answer.provider.ResilientChatModel;
import dev.fonte.retrieval.IndexManager;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.ApplicationContext;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The chain's own cost around a model: language detection, retrieval, the prompt, citation checking and span mapping,
 * with a model that answers instantly (it quotes source [1] from the prompt, as a language model would).
 * A benchmark, not a test: {@code ./mvnw -q -Pbench package -DskipTests} runs it (with the server benchmark) and
 * prints p50 and p99 (target: p50 under 2 ms).
 */
public final class ChainOverheadBenchmark {

    static final List<String> QUESTIONS = List.of(
            "Quanto pensa di spendere Meta quest'anno in infrastrutture per l'IA?",
            "Quante GPU avrà il nuovo data center?",
            "Chi è il CEO di Meta?",
            "Gli analisti quanto si aspettavano che spendesse Meta?",
            "How much will Meta spend on AI in 2025?",
            "Qual è il prezzo delle azioni Meta?");
    static final int WARMUP = 3_000;
    static final int MEASURED = 5_000;

    /** What an instant language model writes: the first source's sentence, cited. */
    static String instant(AnswerRequest request) {
        return request.sources().isEmpty() ? ChainPrompt.NOT_IN_SOURCES
                : request.sources().get(0).passage().text().replaceFirst("[.!?]+$", "") + " [1].";
    }

    private ChainOverheadBenchmark() {
    }

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.run()) {
            // questions asked while the index is built are refused at once: measure the chain on a served index
            if (!context.getBean(IndexManager.class).awaitReady(Duration.ofMinutes(5))) {
                throw new IllegalStateException("the index was not ready within 5 minutes");
            }
            ModelChain models = context.getBean(ModelChain.class);
            ModelChain instant = new ModelChain(context.getBean(ResilientChatModel.class), models.extractive(),
                    new SimpleMeterRegistry()) {
                @Override
                public boolean hasProvider() {
                    return true;
                }

                @Override
                public Draft draft(AnswerRequest request) {
                    // the prompt is written as for a real model, then the instant answer is checked like one
                    ChainPrompt.messages(request);
                    return groundedOrFallback(request, instant(request), "instant");
                }
            };
            DefaultAnswerService chain = new DefaultAnswerService(context.getBean(QuestionPreparer.class), instant,
                    context.getBean(ConversationMemory.class), new AnswerServiceConfiguration(64, 0, 3),
                    new SimpleMeterRegistry());
            long answered = 0;
            for (int i = 0; i < WARMUP; i++) {
                answered += chain.answer(Question.of(QUESTIONS.get(i % QUESTIONS.size()))).answered() ? 1 : 0;
            }
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long started = System.nanoTime();
                chain.answer(Question.of(QUESTIONS.get(i % QUESTIONS.size())));
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            double p50 = nanos[MEASURED / 2] / 1e6;
            double p99 = nanos[MEASURED * 99 / 100] / 1e6;
            System.out.printf("chain overhead around an instant model: p50 %.3f ms, p99 %.3f ms over %d questions%n",
                    p50, p99, MEASURED);
            System.out.printf("  %d of %d warm-up answers were grounded "
                    + "(the checker accepted the instant model's citations)%n",
                    answered, WARMUP);
        }
    }
}
