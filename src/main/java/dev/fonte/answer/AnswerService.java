package dev.fonte.answer;

import org.reactivestreams.Publisher;

/**
 * The one entry point every adapter (HTTP, SSE, Slack, widget, eval) shares. Adapters never reach into the index.
 */
public interface AnswerService {

    /**
     * Answers a question, grounded in the corpus, or refuses with {@code answered = false}. Never throws for a model
     * failure.
     */
    Answer answer(Question question);

    /**
     * Streams the answer: {@link AnswerEvent.Sources}, then {@link AnswerEvent.Delta}s, then {@link AnswerEvent.Done}
     * whose answer equals what {@link #answer(Question)} returns. Cancelling the subscription cancels the work.
     */
    Publisher<AnswerEvent> stream(Question question);
}
