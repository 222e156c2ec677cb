package dev.fonte.answer;

import dev.fonte.retrieval.IndexManager;
import dev.fonte.retrieval.PassageRetriever;
import dev.fonte.retrieval.RetrievalConfiguration;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;

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

    /** Answers at once: the first source's sentence, cited. */
    static final ChatModel INSTANT = new ChatModel() {
        @Override
        public ChatResponse chat(ChatRequest request) {
            List<ChatMessage> messages = request.messages();
            String prompt = ((UserMessage) messages.get(messages.size() - 1)).singleText();
            List<ChainPrompt.PromptSource> sources = ChainPrompt.parse(prompt).sources();
            String text = sources.isEmpty() ? ChainPrompt.NOT_IN_SOURCES
                    : sources.get(0).text().replaceFirst("[.!?]+$", "") + " [1].";
            return ChatResponse.builder().aiMessage(AiMessage.from(text)).modelName("instant")
                    .finishReason(FinishReason.STOP).build();
        }
    };

    private ChainOverheadBenchmark() {
    }

    public static void main(String[] args) {
        try (ApplicationContext context = ApplicationContext.run()) {
            DefaultAnswerService chain = new DefaultAnswerService(context.getBean(IndexManager.class),
                    context.getBean(PassageRetriever.class), INSTANT,
                    context.getBean(dev.langchain4j.model.chat.StreamingChatModel.class),
                    context.getBean(ChatModel.class, Qualifiers.byName(ExtractiveChatModel.NAME)),
                    context.getBean(ConversationMemory.class), context.getBean(RetrievalConfiguration.class),
                    context.getBean(ExtractiveConfiguration.class), 64,
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), 0);
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
            System.out.printf("  %d of %d warm-up answers were grounded (the checker accepted the instant model's citations)%n",
                    answered, WARMUP);
        }
    }
}
