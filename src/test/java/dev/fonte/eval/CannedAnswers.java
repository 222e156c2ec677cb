package dev.fonte.eval;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Citation;
import dev.fonte.answer.Question;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hand-written answer service with canned answers per question text; any other question is refused.
 * It remembers the conversation id each question came with, to check follow-ups.
 */
final class CannedAnswers implements AnswerService {

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, List<AnswerEvent.Source>> candidates = new ConcurrentHashMap<>();
    final Map<String, String> conversationIdsAsked = new ConcurrentHashMap<>();

    CannedAnswers answer(String question, String text, Citation... citations) {
        answers.put(question, new Answer("conv-" + Math.abs(question.hashCode()), text, true, "it",
                List.of(citations), "canned"));
        return this;
    }

    CannedAnswers answerIn(String language, String question, String text, Citation... citations) {
        answers.put(question, new Answer("conv-" + Math.abs(question.hashCode()), text, true, language,
                List.of(citations), "canned"));
        return this;
    }

    /** The retrieval candidates streamed before the answer, most relevant first. */
    CannedAnswers candidates(String question, String... passageIds) {
        List<AnswerEvent.Source> sources = new ArrayList<>();
        for (String id : passageIds) {
            sources.add(new AnswerEvent.Source(id, "meta-ai-2025-it", "Meta", "text of " + id, 0, 10, 1.0));
        }
        candidates.put(question, sources);
        return this;
    }

    static Citation citation(int n, String text) {
        return new Citation(n, "meta-ai-2025-it:" + n + "00-" + n + "50", "meta-ai-2025-it", "Meta", text,
                n * 100, n * 100 + 50, 0.9, null);
    }

    static Citation translated(int n, String text, String originalText) {
        return new Citation(n, "meta-ai-2025-en:" + n + "00-" + n + "50", "meta-ai-2025-en", "Meta", text,
                n * 100, n * 100 + 50, 0.9,
                new Citation.Original("meta-ai-2025-it", originalText, 0, originalText.length()));
    }

    @Override
    public Answer answer(Question question) {
        if (question.conversationId() != null) {
            conversationIdsAsked.put(question.text(), question.conversationId());
        }
        Answer canned = answers.get(question.text());
        if (canned == null) {
            return new Answer("conv-refused", "L'articolo non lo dice.", false, "it", List.of(), "canned");
        }
        return canned;
    }

    @Override
    public Publisher<AnswerEvent> stream(Question question) {
        Answer answer = answer(question);
        return Flux.just(new AnswerEvent.Sources(candidates.getOrDefault(question.text(), List.of())),
                new AnswerEvent.Delta(answer.answer()), new AnswerEvent.Done(answer));
    }
}
