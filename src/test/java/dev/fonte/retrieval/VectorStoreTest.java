package dev.fonte.retrieval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VectorStoreTest {

    @TempDir
    Path folder;

    @Test
    void vectorsOutliveTheProcessForTheSameModelOnly() throws Exception {
        VectorStore first = VectorStore.open(folder.toString(), Optional.of("model-a"));
        assertThat(first.get("una frase")).isNull();
        first.put("una frase", new float[] {0.25f, -1.5f, Float.MIN_VALUE});
        first.save();

        float[] again = VectorStore.open(folder.toString(), Optional.of("model-a")).get("una frase");
        assertThat(again).containsExactly(0.25f, -1.5f, Float.MIN_VALUE);
        assertThat(VectorStore.open(folder.toString(), Optional.of("model-a")).get("un'altra frase")).isNull();
        // another model (or tokenizer, runtime, CPU) never reads these vectors
        assertThat(VectorStore.open(folder.toString(), Optional.of("model-b")).get("una frase")).isNull();
    }

    @Test
    void aDamagedFileIsIgnoredAndNothingIsKeptWithoutAFolderOrIdentity() throws Exception {
        VectorStore store = VectorStore.open(folder.toString(), Optional.of("model-a"));
        store.put("testo", new float[] {1f, 2f});
        store.save();
        try (var files = Files.list(folder)) {
            Path file = files.findFirst().orElseThrow();
            Files.write(file, new byte[] {1, 2, 3});
        }
        assertThat(VectorStore.open(folder.toString(), Optional.of("model-a")).get("testo")).isNull();
        assertThat(VectorStore.open(null, Optional.of("model-a")).enabled()).isFalse();
        assertThat(VectorStore.open(folder.toString(), Optional.empty()).enabled()).isFalse();
    }

    @Test
    void theBundledModelHasAnIdentity() {
        assertThat(VectorStore.miniLmIdentity(getClass().getClassLoader())).isPresent();
    }
}
