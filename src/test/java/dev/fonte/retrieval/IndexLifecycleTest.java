package dev.fonte.retrieval;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Question;
import dev.fonte.ops.Reindexer;
import io.micronaut.context.ApplicationContext;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.NoLockFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index on disk across starts, damage and updates: a damaged or foreign index is rebuilt and answers as a clean
 * one does; an update reads only what changed; a failed first build recovers; a replaced version is closed.
 */
class IndexLifecycleTest {

    /** Questions in both languages whose answers (and citations) are compared between runs. */
    private static final List<String> QUESTIONS = List.of(
            "Quanto investirà Meta nel 2025?", "Quante GPU avrà Meta entro fine anno?", "Chi è il CEO di Meta?",
            "Che cos'è Stargate?", "How much did Meta spend last year?", "How big is the planned data center?",
            "What did the shares do after the announcement?", "Riassumi l'articolo");

    @TempDir
    Path corpus;
    @TempDir
    Path index;

    private final List<ApplicationContext> contexts = new ArrayList<>();

    @BeforeEach
    void article() throws IOException {
        ControlledEmbeddingModel.reset();
        for (String file : new String[] {"meta-ai-2025.it.md", "meta-ai-2025.en.md", "glossary.synonyms"}) {
            Files.copy(Path.of("corpus", file), corpus.resolve(file));
        }
    }

    @AfterEach
    void close() {
        ControlledEmbeddingModel.release();
        contexts.forEach(ApplicationContext::close);
    }

    private ApplicationContext start(Object... properties) {
        Map<String, Object> p = new HashMap<>();
        p.put("fonte.corpus.path", corpus.toString());
        p.put("fonte.index.path", index.toString());
        for (int i = 0; i < properties.length; i += 2) {
            p.put((String) properties[i], properties[i + 1]);
        }
        ApplicationContext context = ApplicationContext.run(p);
        contexts.add(context);
        return context;
    }

    private ApplicationContext ready(Object... properties) {
        ApplicationContext context = start(properties);
        assertThat(context.getBean(IndexManager.class).awaitReady(Duration.ofSeconds(120))).isTrue();
        return context;
    }

    private static List<String> answers(ApplicationContext context) {
        AnswerService service = context.getBean(AnswerService.class);
        List<String> out = new ArrayList<>();
        for (String q : QUESTIONS) {
            Answer a = service.answer(Question.of(q));
            out.add(a.answer() + " " + a.citations().stream().map(c -> c.id() + "@" + c.score()).toList());
        }
        return out;
    }

    private void stop(ApplicationContext context) {
        context.close();
        contexts.remove(context);
    }

    /** The largest file of the index: the segment whose damage matters most. */
    private Path largestFile() throws IOException {
        try (Stream<Path> files = Files.list(index)) {
            return files.filter(f -> f.getFileName().toString().startsWith("_"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
    }

    private void assertWhole() throws IOException {
        // no lock: the server still has the index open for writing
        try (Directory dir = FSDirectory.open(index, NoLockFactory.INSTANCE); CheckIndex check = new CheckIndex(dir)) {
            assertThat(check.checkIndex().clean).as("the index on disk passes Lucene's CheckIndex").isTrue();
        }
    }

    /** The answers of a clean run, whose index is then left on disk as it was written. */
    private List<String> cleanRun() {
        ApplicationContext clean = ready();
        List<String> expected = answers(clean);
        stop(clean);
        return expected;
    }

    @Test
    void given_a_truncated_segment_file_the_next_start_rebuilds_the_index_and_answers_equal_a_clean_run()
            throws Exception {
        List<String> expected = cleanRun();
        try (RandomAccessFile file = new RandomAccessFile(largestFile().toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }

        ApplicationContext again = ready();

        assertThat(answers(again)).isEqualTo(expected);
        assertWhole();
    }

    @Test
    void given_random_bytes_inside_a_segment_file_the_next_start_rebuilds_the_index_and_answers_equal_a_clean_run()
            throws Exception {
        List<String> expected = cleanRun();
        try (RandomAccessFile file = new RandomAccessFile(largestFile().toFile(), "rw")) {
            byte[] before = new byte[256];
            file.seek(file.length() / 2);
            file.readFully(before);
            byte[] garbage = new byte[256];
            new Random(7).nextBytes(garbage);
            // at least one byte differs, whatever the random ones are
            garbage[0] = (byte) ~before[0];
            file.seek(file.length() / 2);
            file.write(garbage);
        }

        ApplicationContext again = ready();

        assertThat(answers(again)).isEqualTo(expected);
        assertWhole();
    }

    @Test
    void given_an_index_written_by_another_version_the_next_start_rebuilds_it() throws Exception {
        List<String> expected = cleanRun();
        try (Directory dir = FSDirectory.open(index);
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            Map<String, String> data = new HashMap<>();
            writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            data.put(CommitData.SCHEMA, "0");
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }

        ApplicationContext again = ready();

        assertThat(again.getBean(IndexManager.class).current().commitData().orElseThrow())
                .containsEntry(CommitData.SCHEMA, CommitData.SCHEMA_VERSION);
        assertThat(answers(again)).isEqualTo(expected);
    }

    @Test
    void a_first_build_is_served_merged_into_one_segment_and_answers_as_one_left_in_its_segments() throws IOException {
        // given the answers of a first build left in the segments it wrote (texts, then vectors)
        ApplicationContext unmerged = ready("fonte.index.merge-segments", 0);
        int written = segments(unmerged);
        List<String> expected = answers(unmerged);
        stop(unmerged);
        try (Stream<Path> files = Files.list(index)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }

        // when a first build is merged, as it is by default
        ApplicationContext merged = ready();

        // then one segment is served, and every answer, citation and score is the same
        assertThat(written).isGreaterThan(1);
        assertThat(segments(merged)).isEqualTo(1);
        assertThat(answers(merged)).isEqualTo(expected);
    }

    private static int segments(ApplicationContext context) {
        return context.getBean(IndexManager.class).current().searcher().getIndexReader().leaves().size();
    }

    @Test
    void given_an_existing_index_a_start_serves_it_without_reading_the_corpus_again() {
        stop(ready());

        ApplicationContext again = ready();

        Indexer.Summary summary = again.getBean(IndexManager.class).lastSummary().orElseThrow();
        assertThat(summary.unchanged()).isEqualTo(2);
        assertThat(summary.added() + summary.changed() + summary.vectors()).isZero();
    }

    @Test
    void given_one_changed_document_an_update_reads_it_alone_and_embeds_only_its_new_sentences() throws Exception {
        ApplicationContext context = ready();
        IndexManager indexes = context.getBean(IndexManager.class);
        PassageIndex before = indexes.current();
        Files.writeString(corpus.resolve("meta-ai-2025.en.md"), "\n\nA brand new closing paragraph was added. "
                + "It has exactly two sentences nobody has embedded yet.\n", StandardOpenOption.APPEND);

        assertThat(context.getBean(Reindexer.class).start()).isTrue();
        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();

        Indexer.Summary summary = indexes.lastSummary().orElseThrow();
        assertThat(summary.changed()).isEqualTo(1);
        assertThat(summary.unchanged()).isEqualTo(1);
        assertThat(summary.vectors()).isEqualTo(2);
        assertThat(indexes.current()).isNotSameAs(before);
        assertThat(indexes.current().searchLexical("brand new closing paragraph", "en", 1)).hasSize(1);
    }

    @Test
    void given_an_unchanged_corpus_an_update_keeps_serving_the_same_version() {
        ApplicationContext context = ready();
        IndexManager indexes = context.getBean(IndexManager.class);
        PassageIndex before = indexes.current();

        assertThat(context.getBean(Reindexer.class).start()).isTrue();
        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();

        assertThat(indexes.current()).isSameAs(before);
    }

    @Test
    void a_replaced_version_is_closed_after_the_grace_period_and_refuses_questions_still_on_it() throws Exception {
        ApplicationContext context = ready("fonte.index.retire-after", "100ms");
        IndexManager indexes = context.getBean(IndexManager.class);
        PassageIndex old = indexes.current();
        Files.copy(Path.of("corpus/meta-ai-2025.it.md"), corpus.resolve("copia.it.md"));

        context.getBean(Reindexer.class).start();
        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!old.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(old.isClosed()).isTrue();
        assertThatThrownBy(() -> old.searchLexical("GPU", "it", 3)).isInstanceOf(IndexNotReadyException.class);
        assertThat(indexes.current().corpus().size()).isEqualTo(3);
    }

    @Test
    void given_a_missing_corpus_folder_the_first_build_fails_with_the_reason_and_a_reindex_recovers()
            throws Exception {
        Path missing = corpus.resolve("arriving-later");
        ApplicationContext context = start("fonte.corpus.path", missing.toString());
        IndexManager indexes = context.getBean(IndexManager.class);
        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isFalse();

        IndexStatus failed = indexes.status();
        assertThat(failed.phase()).isEqualTo(IndexStatus.Phase.FAILED);
        assertThat(failed.reason()).contains("corpus folder not found").doesNotContain(missing.toString());
        assertThatThrownBy(indexes::current).isInstanceOf(IndexNotReadyException.class)
                .hasMessageContaining("corpus folder not found");

        Files.createDirectories(missing);
        Files.copy(Path.of("corpus/meta-ai-2025.it.md"), missing.resolve("meta-ai-2025.it.md"));
        assertThat(context.getBean(Reindexer.class).start()).isTrue();

        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();
        assertThat(indexes.status().phase()).isEqualTo(IndexStatus.Phase.READY);
        assertThat(context.getBean(AnswerService.class).answer(Question.of("Quante GPU avrà Meta?")).answered())
                .isTrue();
    }

    @Test
    void while_the_first_index_is_built_a_question_is_refused_at_once_saying_why() {
        ControlledEmbeddingModel.hold = true;
        ApplicationContext context = start(ControlledEmbeddingModel.PROPERTY, "true");
        IndexManager indexes = context.getBean(IndexManager.class);
        awaitPhase(indexes, IndexStatus.Phase.BUILDING);

        assertThatThrownBy(() -> context.getBean(AnswerService.class).answer(Question.of("Quante GPU avrà Meta?")))
                .isInstanceOf(IndexNotReadyException.class).hasMessageContaining("being built");
        assertThat(indexes.isReady()).as("still building: the refusal did not wait for it").isFalse();

        ControlledEmbeddingModel.release();
        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void a_large_first_build_is_served_from_bm25_while_the_vectors_are_computed_then_from_both() {
        ControlledEmbeddingModel.hold = true;
        ApplicationContext context =
                start(ControlledEmbeddingModel.PROPERTY, "true", "fonte.index.bm25-first-above", 0);
        IndexManager indexes = context.getBean(IndexManager.class);
        awaitPhase(indexes, IndexStatus.Phase.BM25);

        assertThat(indexes.current().dense()).isFalse();
        assertThat(indexes.status().reason()).contains("BM25 alone");
        Answer meanwhile = context.getBean(AnswerService.class).answer(Question.of("Quante GPU avrà Meta?"));
        assertThat(meanwhile.answered()).isTrue();

        ControlledEmbeddingModel.release();

        assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();
        assertThat(indexes.status().phase()).isEqualTo(IndexStatus.Phase.READY);
        assertThat(indexes.current().dense()).isTrue();
        assertThat(indexes.current().searchDense("GPU", "it", 3)).isNotEmpty();
    }

    @Test
    void an_out_of_memory_error_in_the_first_build_fails_readiness_with_the_reason_and_ends_the_process() {
        ControlledEmbeddingModel.failure = new OutOfMemoryError("Java heap space");
        ApplicationContext context = start(ControlledEmbeddingModel.PROPERTY, "true");
        IndexManager indexes = context.getBean(IndexManager.class);

        awaitPhase(indexes, IndexStatus.Phase.FAILED);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ControlledEmbeddingModel.EXITS.isEmpty() && System.nanoTime() < deadline) {
            pause();
        }

        assertThat(indexes.status().reason()).contains("ran out of memory");
        assertThat(ControlledEmbeddingModel.EXITS).containsExactly(1);
    }

    @Test
    void vectors_of_another_embedding_model_are_never_searched_and_are_computed_again() {
        stop(ready());

        ApplicationContext other = ready(ControlledEmbeddingModel.PROPERTY, "true");

        IndexManager indexes = other.getBean(IndexManager.class);
        Indexer.Summary summary = indexes.lastSummary().orElseThrow();
        assertThat(summary.unchanged()).isEqualTo(2);
        assertThat(summary.vectors()).isEqualTo(indexes.current().size());
        assertThat(indexes.current().dense()).isTrue();
    }

    @Test
    void a_read_only_instance_serves_what_the_writer_commits_and_follows_its_updates() throws Exception {
        ApplicationContext writer = ready();
        ApplicationContext reader = ready("fonte.index.read-only", true, "fonte.index.poll-every", "100ms",
                "fonte.corpus.path", corpus.resolve("none").toString());
        IndexManager following = reader.getBean(IndexManager.class);
        assertThat(following.status().documents()).isEqualTo(2);
        Files.copy(Path.of("corpus/meta-ai-2025.it.md"), corpus.resolve("copia.it.md"));

        writer.getBean(Reindexer.class).start();
        assertThat(writer.getBean(IndexManager.class).awaitReady(Duration.ofSeconds(60))).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (following.status().documents() != 3 && System.nanoTime() < deadline) {
            pause();
        }

        assertThat(following.status().documents()).isEqualTo(3);
        assertThat(following.current().dense()).isTrue();
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitPhase(IndexManager indexes, IndexStatus.Phase phase) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (indexes.status().phase() != phase && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(indexes.status().phase()).isEqualTo(phase);
    }
}
