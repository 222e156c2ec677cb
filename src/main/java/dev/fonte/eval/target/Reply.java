package dev.fonte.eval.target;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;

import java.time.Duration;
import java.util.List;

/**
 * An answer as the target gave it.
 *
 * @param candidates the retrieved passages, most relevant first ({@code sources} event); empty when unknown
 * @param latency    from asking to the complete answer
 */
public record Reply(Answer answer, List<AnswerEvent.Source> candidates, Duration latency) {

    public Reply {
        candidates = List.copyOf(candidates);
    }
}
