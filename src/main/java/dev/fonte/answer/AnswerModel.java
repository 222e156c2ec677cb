package dev.fonte.answer;

/**
 * The answer model's port: a prepared question with its numbered sources in, a draft of cited sentences out. The
 * embedded extractive engine implements it, and so does an adapter over any LangChain4j chat model; the answer
 * service checks and renders whatever draft comes back.
 */
public interface AnswerModel {

    /**
     * What {@code Answer.model} reports when this model composed the answer: {@code extractive},
     * {@code openai:gpt-4o-mini}.
     */
    String name();

    /** A draft answer to the request, or a refusal draft when its sources do not support one. Never null. */
    Draft draft(AnswerRequest request);
}
