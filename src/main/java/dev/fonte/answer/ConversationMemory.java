package dev.fonte.answer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.fonte.store.SharedChatMemoryStore;
import dev.fonte.store.SharedStore;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Bounded conversation memory, kept in the {@link SharedStore} so that every instance sees the same conversations (a
 * follow-up may reach another replica than its question): LangChain4j {@link MessageWindowChatMemory} windows over
 * the store's {@link SharedChatMemoryStore}, and the standalone form of the last question, so that a follow-up can be
 * resolved against it. A conversation idle for the configured time is forgotten (its entries expire); each instance
 * also forgets the least recently used of the conversations it wrote beyond the configured number.
 */
@Singleton
public class ConversationMemory {

    /**
     * The previous turn of a conversation, as the follow-up resolver needs it.
     *
     * @param said what its answer cited, the spans' text on one line: what a pronoun of the next question may name
     *             ("Who chairs the Fed?" ... "How old is he?"); empty when it was refused
     */
    public record LastTurn(String standaloneQuestion, String language, String said) {
        public LastTurn {
            said = said == null ? "" : said.replaceAll("\\s+", " ").strip();
        }
    }

    private static final String NAMESPACE = "conversation";

    private final ConversationConfiguration config;
    private final SharedStore store;
    private final SharedChatMemoryStore messages;
    /** The conversations this instance wrote, least recently used first out. */
    private final Cache<String, Boolean> written;

    public ConversationMemory(ConversationConfiguration config, SharedStore store) {
        this.config = config;
        this.store = store;
        this.messages = new SharedChatMemoryStore(store, NAMESPACE + ":messages", config.ttl());
        this.written = Caffeine.newBuilder()
                .maximumSize(config.maxConversations())
                .expireAfterWrite(config.ttl())
                .removalListener((String id, Boolean value, RemovalCause cause) -> {
                    if (cause == RemovalCause.SIZE) {
                        forget(id);
                    }
                })
                .build();
    }

    public Optional<LastTurn> last(String conversationId) {
        if (conversationId == null) {
            return Optional.empty();
        }
        // language, then what was said (one line), then the question (which may hold line breaks)
        return store.get(lastKey(conversationId)).map(value -> {
            int first = value.indexOf('\n');
            int second = value.indexOf('\n', first + 1);
            if (second < 0) {
                // written by an instance that kept no answer text
                return new LastTurn(value.substring(first + 1), value.substring(0, first), "");
            }
            return new LastTurn(value.substring(second + 1), value.substring(0, first),
                    value.substring(first + 1, second));
        });
    }

    public List<ChatMessage> history(String conversationId) {
        return conversationId == null ? List.of() : List.copyOf(memory(conversationId).messages());
    }

    /** @param said what the answer cited ({@link LastTurn#said}), empty for a refusal */
    public void remember(String conversationId, String standaloneQuestion, String language, String answer,
                         String said) {
        ChatMemory memory = memory(conversationId);
        memory.add(UserMessage.from(standaloneQuestion));
        memory.add(AiMessage.from(answer));
        LastTurn last = new LastTurn(standaloneQuestion, language, said);
        store.put(lastKey(conversationId), language + "\n" + last.said() + "\n" + standaloneQuestion, config.ttl());
        written.put(conversationId, Boolean.TRUE);
    }

    /** Conversations this instance remembered that are not forgotten yet. */
    public int size() {
        written.cleanUp();
        return (int) written.estimatedSize();
    }

    private ChatMemory memory(String conversationId) {
        return MessageWindowChatMemory.builder().id(conversationId).maxMessages(config.maxMessages())
                .chatMemoryStore(messages).build();
    }

    private void forget(String conversationId) {
        messages.deleteMessages(conversationId);
        store.delete(lastKey(conversationId));
    }

    private static String lastKey(String conversationId) {
        return NAMESPACE + ":last:" + conversationId;
    }
}
