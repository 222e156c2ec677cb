package dev.fonte.answer;

import dev.fonte.retrieval.PassageIndex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded default's answers to questions asked out of any conversation, by question text, for the index they
 * were computed on (that model is deterministic): a
 * starter question the widget offers to everyone is answered once per index, not once per visitor. An entry of a
 * replaced index never matches again, and the bounded map forgets it.
 */
final class AnswerCache {

    private record Entry(PassageIndex index, Answer answer) {
    }

    private final Map<String, Entry> entries;
    private final int size;

    /** @param size answers kept; 0 keeps none */
    AnswerCache(int size) {
        this.size = size;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > size;
            }
        };
    }

    synchronized Optional<Answer> get(String question, PassageIndex index, String conversationId) {
        if (size == 0) {
            return Optional.empty();
        }
        Entry e = entries.get(question);
        if (e == null || e.index() != index) {
            return Optional.empty();
        }
        Answer a = e.answer();
        return Optional.of(new Answer(conversationId, a.answer(), a.answered(), a.language(), a.citations(),
                a.model()));
    }

    synchronized void put(String question, PassageIndex index, Answer answer) {
        if (size == 0) {
            return;
        }
        entries.put(question, new Entry(index, answer));
    }
}
