package dev.fonte.retrieval;

import io.micronaut.context.ApplicationContext;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar fonte.jar index --corpus DIR --index DIR}: an index built offline, that servers open as it is. */
class IndexCommandTest {

    @TempDir
    Path corpus;
    @TempDir
    Path index;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return IndexCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private void article() throws IOException {
        for (String file : new String[] {"meta-ai-2025.it.md", "meta-ai-2025.en.md", "glossary.synonyms"}) {
            Files.copy(Path.of("corpus", file), corpus.resolve(file));
        }
    }

    @Test
    void the_command_builds_an_index_that_a_read_only_server_serves_as_it_is() throws IOException {
        article();

        int status = run("--corpus", corpus.toString(), "--index", index.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).isZero();
        assertThat(printed).contains("documents: 2 (2 added, 0 changed, 0 removed, 0 unchanged), 0 skipped")
                .contains("steps: documents").containsPattern("vectors +\\[#+\\] 100%");
        try (ApplicationContext server = ApplicationContext.run(Map.of("fonte.index.path", index.toString(),
                "fonte.index.read-only", true, "fonte.corpus.path", corpus.resolve("not-needed").toString()))) {
            IndexManager indexes = server.getBean(IndexManager.class);
            assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();
            assertThat(indexes.status().documents()).isEqualTo(2);
            assertThat(indexes.current().dense()).isTrue();
        }
    }

    @Test
    void run_again_on_an_unchanged_corpus_it_reads_no_document_again() throws IOException {
        article();
        run("--corpus", corpus.toString(), "--index", index.toString());
        out.reset();

        int status = run("--corpus", corpus.toString(), "--index", index.toString());

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 added, 0 changed, 0 removed, 2 unchanged")
                .contains("vectors computed: 0 sentences, 0 words");
    }

    @Test
    void a_first_build_leaves_one_segment_and_a_small_update_is_not_followed_by_a_merge() throws IOException {
        // given a corpus of six documents (the texts and the vectors are written in separate steps, so a build without
        // a merge leaves several segments)
        article();
        for (int i = 1; i <= 4; i++) {
            Files.writeString(corpus.resolve("note-" + i + ".en.md"), "# Note " + i + "\n\nThe plant in town " + i
                    + " employs " + (100 + i) + " people.\n");
        }

        // when the command builds the index
        run("--corpus", corpus.toString(), "--index", index.toString());

        // then it is merged into one segment, and its last commit still says the vectors are whole
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("in 1 segment(s)").contains("steps: documents")
                .contains(", merge ");
        assertThat(segments()).isEqualTo(1);
        try (ApplicationContext server = ApplicationContext.run(Map.of("fonte.index.path", index.toString(),
                "fonte.index.read-only", true, "fonte.corpus.path", corpus.resolve("not-needed").toString()))) {
            IndexManager indexes = server.getBean(IndexManager.class);
            assertThat(indexes.awaitReady(Duration.ofSeconds(60))).isTrue();
            assertThat(indexes.current().dense()).isTrue();
        }

        // when one document of six changes (less than a fifth)
        Files.writeString(corpus.resolve("note-1.en.md"), "# Note 1\n\nThe plant in town 1 employs 250 people.\n");
        out.reset();
        run("--corpus", corpus.toString(), "--index", index.toString());

        // then the update adds its own segment and rewrites nothing else
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 changed").doesNotContain(", merge ");
        assertThat(segments()).isGreaterThan(1);
    }

    @Test
    void documents_prepared_ahead_are_written_in_corpus_order_and_a_bad_file_is_skipped_in_its_place()
            throws IOException {
        // given more documents than are prepared at once, and a file of a type that cannot be read among them
        for (int i = 1; i <= 12; i++) {
            Files.writeString(corpus.resolve(String.format("doc-%02d.en.md", i)), "# Plant " + i + "\n\nThe plant "
                    + i + " employs " + (100 + i) + " people. It opened in " + (1990 + i) + ".\n");
        }
        Files.writeString(corpus.resolve("doc-05b.pdf"), "not a document");

        // when the command builds the index
        int status = run("--corpus", corpus.toString(), "--index", index.toString());

        // then the documents stand in the index in the order of their files, and the bad file is named with why
        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("documents: 12 (12 added")
                .contains("1 skipped").contains("skipped doc-05b.pdf: unknown type");
        List<String> order = new ArrayList<>();
        try (Directory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedDocValues ids = leaf.reader().getSortedDocValues(IndexFields.ENTRY_ID);
                for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    order.add(ids.lookupOrd(ids.ordValue()).utf8ToString());
                }
            }
        }
        assertThat(order).hasSize(12).isSorted();
    }

    private int segments() throws IOException {
        try (Directory directory = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(directory).size();
        }
    }

    @Test
    void a_missing_corpus_folder_fails_with_status_1_and_says_why() {
        int status = run("--corpus", corpus.resolve("missing").toString(), "--index", index.toString());

        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("could not be built").contains("not found");
    }

    @Test
    void unknown_arguments_print_the_usage_with_status_2() {
        assertThat(run("--corpse", "x")).isEqualTo(2);
        assertThat(run("--corpus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: java -jar fonte.jar index");
    }
}
