package dev.fonte.answer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bounded conversation memory: LangChain4j {@link MessageWindowChatMemory} windows per conversation, capped in
 * number (least recently used first out) and in idle age. It keeps the standalone form of each question, so a
 * follow-up can be resolved against the previous turn.
 */
@Singleton
public class ConversationMemory {

    /** The previous turn of a conversation, as the follow-up resolver needs it. */
    public record LastTurn(String standaloneQuestion, String language) {
    }

    private static final class Entry {
        final ChatMemory memory;
        LastTurn last;
        Instant touched;

        Entry(ChatMemory memory, Instant touched) {
            this.memory = memory;
            this.touched = touched;
        }
    }

    private final ConversationConfiguration config;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> conversations;

    public ConversationMemory(ConversationConfiguration config) {
        this(config, Clock.systemUTC());
    }

    ConversationMemory(ConversationConfiguration config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.conversations = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > config.maxConversations();
            }
        };
    }

    public synchronized Optional<LastTurn> last(String conversationId) {
        return live(conversationId).map(e -> e.last);
    }

    public synchronized List<ChatMessage> history(String conversationId) {
        return live(conversationId).map(e -> List.copyOf(e.memory.messages())).orElse(List.of());
    }

    public synchronized void remember(String conversationId, String standaloneQuestion, String language, String answer) {
        Instant now = clock.instant();
        Entry entry = live(conversationId).orElseGet(() -> {
            Entry e = new Entry(MessageWindowChatMemory.builder().id(conversationId)
                    .maxMessages(config.maxMessages()).build(), now);
            conversations.put(conversationId, e);
            return e;
        });
        entry.memory.add(UserMessage.from(standaloneQuestion));
        entry.memory.add(AiMessage.from(answer));
        entry.last = new LastTurn(standaloneQuestion, language);
        entry.touched = now;
    }

    public synchronized int size() {
        return conversations.size();
    }

    private Optional<Entry> live(String conversationId) {
        if (conversationId == null) {
            return Optional.empty();
        }
        Entry e = conversations.get(conversationId);
        if (e == null) {
            return Optional.empty();
        }
        if (e.touched.plus(config.ttl()).isBefore(clock.instant())) {
            conversations.remove(conversationId);
            return Optional.empty();
        }
        return Optional.of(e);
    }
}
