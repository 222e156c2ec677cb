package dev.fonte.slack;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Citation;
import dev.fonte.answer.Question;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The answer service of the Slack tests (on with {@code fonte.test.canned-answers=true}): one canned answer, every
 * question recorded; it can hold the next answer until the test releases it.
 */
@Singleton
@Replaces(AnswerService.class)
@Requires(property = CannedAnswers.SWITCH, value = "true")
public class CannedAnswers implements AnswerService {

    static final String SWITCH = "fonte.test.canned-answers";

    static final Answer ANSWERED = new Answer("c1", "Meta will spend up to 65 billion [1] on AI & more.", true,
            "en", List.of(new Citation(1, "meta-ai-2025-it:120-160", "meta-ai-2025-it", "Meta & AI",
            "fino a 65 miliardi <di dollari>", 120, 160, 0.9, null)), "extractive");

    private final List<Question> questions = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch hold;

    CountDownLatch holdNextAnswer() {
        hold = new CountDownLatch(1);
        return hold;
    }

    void reset() {
        questions.clear();
        hold = null;
    }

    List<Question> questions() {
        return List.copyOf(questions);
    }

    @Override
    public Answer answer(Question question) {
        CountDownLatch latch = hold;
        if (latch != null) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        questions.add(question);
        return ANSWERED;
    }

    @Override
    public Publisher<AnswerEvent> stream(Question question) {
        throw new UnsupportedOperationException("not used by the Slack adapter");
    }
}
