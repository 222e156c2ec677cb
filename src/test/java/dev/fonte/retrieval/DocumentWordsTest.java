package dev.fonte.retrieval;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.DocumentWords;
import dev.fonte.corpus.Passage;
import dev.fonte.corpus.Segmenter;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a document writes is read once when it is indexed and stored there: a question reads it back instead of the
 * document's whole text, and must get what reading the text gives.
 */
class DocumentWordsTest {

    private static final String TEXT = """
            Rostova Energy opened a plant in Oslo. The plant serves Norsk Kraft and Vattenfall.

            Analysts at Halden Bank expect Rostova Energy to open another one. The company's shares rose.

            In March the company hired 300 engineers.
            """;

    @Test
    void the_index_gives_back_the_words_reading_the_text_gives() throws Exception {
        // given a document of three paragraphs, in memory and indexed
        Document document = new Document("rostova", "Rostova Energy grows", "en", null, null, null, TEXT);
        List<Passage> passages = Segmenter.segment("rostova", "en", TEXT);
        Corpus memory = new Corpus(List.of(document), passages);
        DocumentWords fromText = DocumentReading.of(document, memory.paragraphs("rostova"), sentences(memory));

        try (PassageIndex index = PassageIndex.build(memory, Glossary.empty(), 0.3)) {
            // when the indexed corpus is asked what the document writes
            DocumentWords stored = index.corpus().words("rostova").orElseThrow();

            // then it is what the text says, paragraph by paragraph and in the same order
            assertThat(stored).isEqualTo(fromText);
            assertThat(stored.names()).contains("oslo", "norsk", "kraft", "halden", "rostova")
                    .doesNotContain("analysts", "in");
            assertThat(stored.paragraphNames()).hasSize(3);
            // a paragraph is read as one text: a sentence opening inside it ("The company's") counts too
            assertThat(stored.paragraphNames().get(1)).containsExactlyInAnyOrder("bank", "halden", "rostova",
                    "energy", "the");
            assertThat(stored.stems()).contains("engin");
            assertThat(stored.lowercase()).contains("plant", "engineers", "shares").doesNotContain("oslo");
        }
        // and a corpus held in memory keeps none: it is read from the text
        assertThat(memory.words("rostova")).isEmpty();
    }

    private static Map<String, List<Passage>> sentences(Corpus corpus) {
        Map<String, List<Passage>> out = new HashMap<>();
        corpus.paragraphs("rostova").forEach(p -> out.put(p.paragraphId(), corpus.sentencesOf(p)));
        return out;
    }
}
