package dev.fonte.answer;

import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.language.Language;
import dev.fonte.retrieval.PassageIndex;
import dev.fonte.retrieval.ScoredPassage;

import java.util.List;

/**
 * Everything an answer model needs, decided before it is called.
 *
 * @param question   what the asker wrote
 * @param standalone the question completed with the conversation (itself, outside a follow-up)
 * @param language   the asker's language: the answer's language
 * @param sources    the candidate passages, numbered from 1 in rank order
 * @param history    earlier turns of the conversation, oldest first, answers without their markers
 * @param index      the index the sources come from (its corpus, statistics and embeddings)
 */
public record AnswerRequest(Task task, String question, String standalone, Language language, List<Source> sources,
                            List<Turn> history, PassageIndex index) {

    public AnswerRequest {
        sources = List.copyOf(sources);
        history = List.copyOf(history);
    }

    /** Whether the question asks for an answer or for a summary of the key facts. */
    public enum Task { ANSWER, SUMMARY }

    /**
     * A numbered source.
     *
     * @param n       its number, as a model cites it ({@code [n]})
     * @param context the passage's surroundings in its paragraph, shown to a language model beside it
     * @param nextTo  for a sentence of another source's context, numbered so that a language model can cite it
     *                ({@code ModelChain.citable}): that source; null for a retrieved source
     */
    public record Source(int n, ScoredPassage retrieved, Document document, String context, Source nextTo) {

        /** A retrieved source. */
        public Source(int n, ScoredPassage retrieved, Document document, String context) {
            this(n, retrieved, document, context, null);
        }

        public Passage passage() {
            return retrieved.passage();
        }

        /** Whether retrieval found it (else it is a sentence of a retrieved source's context). */
        public boolean isRetrieved() {
            return nextTo == null;
        }
    }

    /** A previous question and what was answered. */
    public record Turn(String question, String answer) {
    }

    public Source source(int n) {
        return sources.get(n - 1);
    }
}
