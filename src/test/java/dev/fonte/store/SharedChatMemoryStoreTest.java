package dev.fonte.store;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** LangChain4j's chat memory kept in the shared store: what one instance writes, another reads. */
class SharedChatMemoryStoreTest {

    private final SharedStore store = new InMemoryStore(100);

    @Test
    void messages_written_through_one_memory_are_read_through_another_in_order() {
        ChatMemory first = memory(new SharedChatMemoryStore(store, "chat", Duration.ofMinutes(5)), 10);
        first.add(UserMessage.from("Quanto investirà Meta?"));
        first.add(AiMessage.from("65 miliardi [1]."));

        List<ChatMessage> seen = memory(new SharedChatMemoryStore(store, "chat", Duration.ofMinutes(5)), 10).messages();

        assertThat(seen)
                .containsExactly(UserMessage.from("Quanto investirà Meta?"), AiMessage.from("65 miliardi [1]."));
    }

    @Test
    void the_window_keeps_the_latest_messages_only() {
        ChatMemory memory = memory(new SharedChatMemoryStore(store, "chat", Duration.ofMinutes(5)), 2);
        memory.add(UserMessage.from("uno"));
        memory.add(AiMessage.from("due"));
        memory.add(UserMessage.from("tre"));

        assertThat(memory.messages()).containsExactly(AiMessage.from("due"), UserMessage.from("tre"));
    }

    @Test
    void a_cleared_memory_is_gone_from_the_store() {
        SharedChatMemoryStore chats = new SharedChatMemoryStore(store, "chat", Duration.ofMinutes(5));
        memory(chats, 10).add(UserMessage.from("uno"));

        memory(chats, 10).clear();

        assertThat(chats.getMessages("c1")).isEmpty();
        assertThat(store.get("chat:c1")).isEmpty();
    }

    private static ChatMemory memory(SharedChatMemoryStore chats, int window) {
        return MessageWindowChatMemory.builder().id("c1").maxMessages(window).chatMemoryStore(chats).build();
    }
}
