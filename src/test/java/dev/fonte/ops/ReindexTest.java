package dev.fonte.ops;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Question;
import dev.fonte.retrieval.IndexManager;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Re-indexing swaps a whole new index in, keeps answering meanwhile, and keeps the old one when the corpus breaks. */
class ReindexTest {

    @TempDir
    Path corpus;

    ApplicationContext start() throws Exception {
        Files.copy(Path.of("corpus/meta-ai-2025.it.md"), corpus.resolve("meta-ai-2025.it.md"));
        ApplicationContext context = ApplicationContext.run(Map.of("fonte.corpus.path", corpus.toString()));
        assertThat(context.getBean(IndexManager.class).awaitReady(Duration.ofSeconds(60))).isTrue();
        return context;
    }

    /** What an answer says and cites, without its conversation id (new for every question). */
    record Reply(String text, boolean answered, List<String> citations) {
        static Reply of(Answer answer) {
            return new Reply(answer.answer(), answer.answered(),
                    answer.citations().stream().map(c -> c.id() + " " + c.text()).toList());
        }
    }

    static void awaitIdle(Reindexer reindexer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (reindexer.status().rebuilding() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void given_a_new_document_when_reindexing_then_it_is_served_and_every_answer_meanwhile_is_a_whole_indexs()
            throws Exception {
        try (ApplicationContext context = start()) {
            Reindexer reindexer = context.getBean(Reindexer.class);
            AnswerService answers = context.getBean(AnswerService.class);
            Instant before = reindexer.status().builtAt();
            Question question = Question.of("Quante GPU userà Meta?");
            Reply fromOldIndex = Reply.of(answers.answer(question));
            Files.copy(Path.of("corpus/meta-ai-2025.en.md"), corpus.resolve("meta-ai-2025.en.md"));

            assertThat(reindexer.start()).isTrue();
            List<Reply> during = new ArrayList<>();
            do {
                during.add(Reply.of(answers.answer(question)));
            } while (reindexer.status().rebuilding());
            awaitIdle(reindexer);
            Reply fromNewIndex = Reply.of(answers.answer(question));

            assertThat(reindexer.status().documents()).isEqualTo(2);
            assertThat(reindexer.status().builtAt()).isAfter(before);
            assertThat(reindexer.status().lastError()).isNull();
            assertThat(fromOldIndex.answered()).isTrue();
            assertThat(fromOldIndex.citations()).isNotEmpty();
            assertThat(during).as("every answer during the rebuild is a whole index's answer, old or new")
                    .isNotEmpty().allSatisfy(reply -> assertThat(reply).isIn(fromOldIndex, fromNewIndex));
            assertThat(answers.answer(Question.of("How many GPUs will Meta use?")).language()).isEqualTo("en");
        }
    }

    @Test
    void
    given_a_corpus_that_no_longer_loads_when_reindexing_then_the_old_index_keeps_serving_and_the_error_is_reported()
            throws Exception {
        try (ApplicationContext context = start()) {
            Reindexer reindexer = context.getBean(Reindexer.class);
            Files.delete(corpus.resolve("meta-ai-2025.it.md"));
            Files.writeString(corpus.resolve("broken.md"), "");

            reindexer.start();
            awaitIdle(reindexer);

            assertThat(reindexer.status().lastError()).contains("no readable document");
            assertThat(reindexer.status().documents()).isEqualTo(1);
            Answer answer = context.getBean(AnswerService.class).answer(Question.of("Quante GPU userà Meta?"));
            assertThat(answer.answered()).isTrue();
        }
    }
}
