package dev.fonte.store;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;

import java.time.Duration;
import java.util.List;

/**
 * LangChain4j's {@link ChatMemoryStore} over the {@link SharedStore}: a memory's messages are one entry, in
 * LangChain4j's own JSON form, under {@code <namespace>:<memory id>}, living {@code ttl} from its last update. Any
 * instance sharing the store sees the same conversation.
 */
public final class SharedChatMemoryStore implements ChatMemoryStore {

    private final SharedStore store;
    private final String namespace;
    private final Duration ttl;

    public SharedChatMemoryStore(SharedStore store, String namespace, Duration ttl) {
        this.store = store;
        this.namespace = namespace;
        this.ttl = ttl;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        return store.get(key(memoryId)).map(ChatMessageDeserializer::messagesFromJson).orElse(List.of());
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        store.put(key(memoryId), ChatMessageSerializer.messagesToJson(messages), ttl);
    }

    @Override
    public void deleteMessages(Object memoryId) {
        store.delete(key(memoryId));
    }

    private String key(Object memoryId) {
        return namespace + ":" + memoryId;
    }
}
