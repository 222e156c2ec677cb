package dev.fonte.retrieval;

import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A question carried into another language, searched one group of alternatives per word of the asker's. */
class CarriedQuestionTest {

    @TempDir
    Path corpus;

    @Test
    void a_word_with_many_translations_no_longer_outweighs_a_word_with_one() throws IOException {
        // given a lexicon of beekeeping (no suite's subject) where "hive" has six Italian forms and "swarm" one
        Files.writeString(corpus.resolve("en-it.tsv"),
                "hive | hives\tarnia | arnie | alveare | alveari | favo | favi\nswarm\tsciame\n");
        Lexicon lexicon = Lexicon.load(Languages.standard(), corpus, LexiconFactory::analysed);
        String question = "Was the swarm in the hive?";
        try (PassageIndex index = TinyIndex.italian()
                // three senses of "hive" and no swarm; then the sentence that has the swarm and one hive
                .doc("apiario", "Le arnie nuove e gli alveari vecchi hanno favi pieni. "
                        + "Lo sciame è rimasto nell'arnia.")
                .build()) {
            // searched as one bag of every translation, the sentence of many hives comes first
            List<String> flat = ids(index.searchLexical(lexicon.carry(question, "en", "it"), "it", 2));
            assertThat(flat).containsExactly("apiario.p1.s1", "apiario.p1.s2");

            // when each word of the question is one term, its alternatives pooled
            CarriedQuestion carried = new CarriedQuestion(lexicon.carryQuestion(question, "en", "it"));
            List<String> grouped = ids(index.searchLexical(carried, "it", 2));

            // then the sentence that has both the swarm and a hive comes first
            assertThat(grouped).containsExactly("apiario.p1.s2", "apiario.p1.s1");
        }
    }

    @Test
    void alternatives_the_analysis_makes_alike_are_searched_once_and_rank_as_before() throws IOException {
        // given a lexicon where "hive" has two Italian forms that the Italian analysis makes alike (the elided
        // article is dropped), beside a word of its own
        Files.writeString(corpus.resolve("en-it.tsv"), "hive\tl'arnia nuova | arnia nuova | alveare\nswarm\tsciame\n");
        Lexicon lexicon = Lexicon.load(Languages.standard(), corpus, LexiconFactory::analysed);
        CarriedQuestion carried = new CarriedQuestion(lexicon.carryQuestion("Was the swarm in the hive?", "en", "it"));
        try (PassageIndex index = TinyIndex.italian()
                .doc("apiario", "Le arnie nuove sono piene. Lo sciame è rimasto nell'arnia nuova. C'è un alveare.")
                .build()) {
            // when the question is made a query on the sentences' field
            Query query = carried.on(index.queryAnalyzer("it"), IndexFields.field(IndexFields.TEXT, "it"));

            // then the two phrases that analyse alike are one alternative of the group, beside the single word
            DisjunctionMaxQuery hive = ((BooleanQuery) query).clauses().stream()
                    .map(BooleanClause::getQuery).filter(DisjunctionMaxQuery.class::isInstance)
                    .map(DisjunctionMaxQuery.class::cast).findFirst().orElseThrow();
            assertThat(hive.getDisjuncts()).hasSize(2);
            // and the sentence with both the swarm and a hive still ranks first
            assertThat(ids(index.searchLexical(carried, "it", 3)).get(0)).isEqualTo("apiario.p1.s2");
        }
    }

    private static List<String> ids(List<ScoredPassage> passages) {
        return passages.stream().map(s -> s.passage().id()).toList();
    }
}
