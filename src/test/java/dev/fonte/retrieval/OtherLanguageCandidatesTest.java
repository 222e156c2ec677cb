package dev.fonte.retrieval;

import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidates of a question from documents in another language: besides those the whole corpus's fusion finds,
 * the best sentences of that language's own ranking of the carried question, each word's translations one term.
 */
class OtherLanguageCandidatesTest {

    @TempDir
    Path corpus;

    private PassageIndex index;
    private Lexicon lexicon;

    @BeforeEach
    void build() throws IOException {
        // a lexicon of beekeeping, no suite's subject: "hive" has six Italian forms, "swarm" one
        Files.writeString(corpus.resolve("en-it.tsv"),
                "hive | hives\tarnia | arnie | alveare | alveari | favo | favi\nswarm\tsciame\n");
        lexicon = Lexicon.load(Languages.standard(), corpus, LexiconFactory::analysed);
        index = TinyIndex.italian()
                // an English sentence on hives, and no swarm
                .doc("hives", "en", "The old hives were empty.")
                // three senses of "hive" and no swarm; then the sentence that has the swarm and one hive
                .doc("apiario", "Le arnie nuove e gli alveari vecchi hanno favi pieni. "
                        + "Lo sciame è rimasto nell'arnia.")
                .build();
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    private List<ScoredPassage> retrieve(int otherLanguageCandidates) {
        RetrievalConfiguration config = new RetrievalConfiguration(2, RetrievalConfiguration.Mode.BM25, 20, 60, 0.3,
                10_000, 1.0, 1.0, 0, 0, otherLanguageCandidates, 1.0);
        return new LuceneContentRetriever(() -> index, config, lexicon)
                .retrieve("Was the swarm in the hive?", "en", 2);
    }

    @Test
    void the_sentence_a_bag_of_every_sense_ranks_low_is_a_candidate_by_its_languages_own_ranking() {
        // given the whole corpus's two best: the English sentence, and the Italian one with the most senses of "hive"
        assertThat(retrieve(0)).extracting(s -> s.passage().id())
                .containsExactly("hives.p1.s1", "apiario.p1.s1");

        // when the Italian documents' own ranking adds its best sentence
        List<ScoredPassage> found = retrieve(1);

        // then the sentence with the swarm is a candidate too, below the others, first in its language's ranking
        assertThat(found).extracting(s -> s.passage().id())
                .containsExactly("hives.p1.s1", "apiario.p1.s1", "apiario.p1.s2");
        assertThat(found).extracting(ScoredPassage::languageRank).containsExactly(0, 2, 1);
    }
}
