package dev.fonte.retrieval;

import org.apache.lucene.analysis.synonym.SynonymMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The domain glossary (corpus/*.synonyms) widens queries: a term finds sentences that use its synonym. */
class GlossaryTest {

    private static PassageIndex withGlossary;
    private static PassageIndex withoutGlossary;

    @BeforeAll
    static void buildIndexes() {
        TinyIndex docs = TinyIndex.italian()
                // says "GPU" only: found by "chip grafici" through the glossary
                .doc("gpu", "Saranno operative oltre 1, 3 milioni di GPU.")
                // says "chip" but not graphics chips: must not beat the synonym match
                .doc("chip-memoria", "I chip di memoria costano di più.")
                // says "spese in conto capitale": found by "capex"
                .doc("capex", "Meta stanzierà fino a 65 miliardi di dollari in spese in conto capitale.")
                // unrelated
                .doc("borsa", "Le azioni sono salite del 2% in apertura.");
        withGlossary = docs.build(Glossary.load(Path.of("corpus")));
        withoutGlossary = docs.build(Glossary.empty());
    }

    @AfterAll
    static void close() throws IOException {
        withGlossary.close();
        withoutGlossary.close();
    }

    @Test
    void given_the_real_glossary_when_asking_for_chip_grafici_then_the_gpu_sentence_ranks_first() {
        assertThat(TinyIndex.ranking(withGlossary, "chip grafici")).first().isEqualTo("gpu");
        assertThat(TinyIndex.ranking(withGlossary, "quanti processori grafici?")).first().isEqualTo("gpu");
    }

    @Test
    void given_no_glossary_when_asking_for_chip_grafici_then_the_gpu_sentence_is_not_found() {
        // the control: it is the glossary, not the analysis, that links the two
        assertThat(TinyIndex.ranking(withoutGlossary, "chip grafici")).doesNotContain("gpu");
    }

    @Test
    void given_the_real_glossary_when_asking_for_capex_then_the_capital_expenditure_sentence_ranks_first() {
        assertThat(TinyIndex.ranking(withGlossary, "capex")).first().isEqualTo("capex");
        assertThat(TinyIndex.ranking(withoutGlossary, "capex")).isEmpty();
    }

    @Test
    void given_a_glossary_file_with_a_bad_line_beside_a_good_file_then_the_good_file_still_loads(@TempDir Path folder)
            throws IOException {
        Files.writeString(folder.resolve("a-good.synonyms"), "gpu, chip grafici\n");
        Files.writeString(folder.resolve("b-bad.synonyms"), "a => b => c\n");

        SynonymMap map = Glossary.load(folder);
        PassageIndex index = TinyIndex.italian().doc("gpu", "Oltre un milione di GPU.").build(map);

        assertThat(TinyIndex.ranking(index, "chip grafici")).containsExactly("gpu");
        index.close();
    }

    @Test
    void given_a_folder_without_glossary_then_the_map_is_empty() {
        assertThat(Glossary.load(Path.of("no-such-folder")).fst).isNull();
    }

    @Test
    void an_entry_that_starts_or_ends_with_a_stop_word_is_reported() throws IOException {
        assertThat(Glossary.stopWordEdges(
                "ceo, capo, numero uno\n# il capo, a comment\nthe boss, research and development\n"))
                .containsExactly("numero uno", "the boss");
        // the shipped glossary has none
        assertThat(Glossary.stopWordEdges(Files.readString(Path.of("corpus/glossary.synonyms")))).isEmpty();
    }
}
