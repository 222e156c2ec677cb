package dev.fonte.eval;

import dev.fonte.eval.target.AssembledCorpus;
import dev.fonte.eval.target.TargetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssembledCorpusTest {

    @TempDir
    Path dir;

    @Test
    void puts_the_documents_and_glossaries_of_several_folders_into_one_and_deletes_it_on_close() throws Exception {
        // given the shipped corpus's kind of folder (a document and a glossary) and a folder of new documents
        Path shipped = folder("shipped", "meta.it.md", "glossary.synonyms");
        Path added = folder("added", "fed.en.md", "bce.it.md");
        Files.createDirectories(added.resolve("nested"));
        Files.writeString(added.resolve(".notes"), "not a document");

        Path assembled;
        try (AssembledCorpus corpus = AssembledCorpus.of(List.of(shipped, added))) {
            assembled = corpus.folder();
            assertThat(names(assembled))
                    .containsExactlyInAnyOrder("meta.it.md", "glossary.synonyms", "fed.en.md", "bce.it.md");
            assertThat(Files.readString(assembled.resolve("fed.en.md"))).isEqualTo("text of fed.en.md");
        }

        assertThat(assembled).doesNotExist();
    }

    @Test
    void refuses_two_folders_that_hold_a_file_of_the_same_name() throws IOException {
        Path one = folder("one", "glossary.synonyms");
        Path two = folder("two", "glossary.synonyms");

        assertThatThrownBy(() -> AssembledCorpus.of(List.of(one, two)))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("two corpus folders hold glossary.synonyms");
    }

    @Test
    void refuses_a_folder_that_does_not_exist() {
        assertThatThrownBy(() -> AssembledCorpus.of(List.of(dir.resolve("missing"))))
                .isInstanceOf(TargetException.class)
                .hasMessageContaining("missing does not exist");
    }

    private Path folder(String name, String... files) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        for (String file : files) {
            Files.writeString(folder.resolve(file), "text of " + file);
        }
        return folder;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).toList();
        }
    }
}
