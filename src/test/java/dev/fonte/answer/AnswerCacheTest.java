package dev.fonte.answer;

import dev.fonte.corpus.Corpus;
import dev.fonte.retrieval.Glossary;
import dev.fonte.retrieval.PassageIndex;
import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerCacheTest {

    final PassageIndex index = PassageIndex.build(Corpus.empty(), Glossary.empty(), 0.3);
    final Answer answer = new Answer("first-visitor", "Fino a 65 miliardi [1].", true, "it",
            List.of(new Citation(1, "doc:0-10", "doc", "t", "0123456789", 0, 10, 0.9, null)), "extractive");

    @Test
    void a_cached_answer_is_given_to_a_new_conversation_under_its_own_id() {
        AnswerCache cache = new AnswerCache(10);
        cache.put("Quanto spende Meta?", index, answer);

        Answer hit = cache.get("Quanto spende Meta?", index, "second-visitor").orElseThrow();

        assertThat(hit.conversationId()).isEqualTo("second-visitor");
        assertThat(hit.answer()).isEqualTo(answer.answer());
        assertThat(hit.citations()).isEqualTo(answer.citations());
    }

    @Test
    void an_answer_computed_on_a_replaced_index_is_never_served() {
        AnswerCache cache = new AnswerCache(10);
        cache.put("Quanto spende Meta?", index, answer);
        PassageIndex rebuilt = PassageIndex.build(Corpus.empty(), Glossary.empty(), 0.3);

        assertThat(cache.get("Quanto spende Meta?", rebuilt, "v")).isEmpty();
    }

    @Test
    void the_cache_is_bounded() {
        AnswerCache cache = new AnswerCache(10);
        for (int i = 0; i < 100; i++) {
            cache.put("question " + i, index, answer);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void a_cached_answer_does_not_keep_its_index_in_memory() throws InterruptedException {
        AnswerCache cache = new AnswerCache(10);
        PassageIndex replaced = PassageIndex.build(Corpus.empty(), Glossary.empty(), 0.3);
        cache.put("Quanto spende Meta?", replaced, answer);
        WeakReference<PassageIndex> gone = new WeakReference<>(replaced);
        replaced = null;

        for (int i = 0; i < 50 && gone.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(gone.get()).isNull();
    }
}
