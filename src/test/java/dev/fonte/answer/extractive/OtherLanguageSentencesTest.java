package dev.fonte.answer.extractive;

import dev.fonte.answer.AnswerRequest;
import dev.fonte.answer.AnswerWeights;
import dev.fonte.answer.Draft;
import dev.fonte.answer.ExtractiveConfiguration;
import dev.fonte.corpus.Document;
import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import dev.fonte.retrieval.Glossary;
import dev.fonte.retrieval.LexiconFactory;
import dev.fonte.retrieval.LuceneContentRetriever;
import dev.fonte.retrieval.PassageIndex;
import dev.fonte.retrieval.RetrievalConfiguration;
import dev.fonte.retrieval.ScoredPassage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retrieval and the answer model together on sentences in another language than the question: a beekeepers' corpus
 * (no suite's subject), an English note and an Italian report, asked in English with a lexicon in which "hive" has
 * six Italian forms. Carried as one bag of every sense, the question ranks the Italian sentence richest in hives above
 * the one that answers; the Italian documents' own ranking, each word one term, hands that one over too.
 */
class OtherLanguageSentencesTest {

    private static final String ENGLISH = "The old hives held 12 frames each.";
    private static final String ITALIAN = "Le arnie nuove restano accanto agli alveari vecchi, dai favi pieni. "
            + "Lo sciame abita nell'arnia da 3 settimane. Le arnie vecchie avevano 10 telai.";

    @TempDir
    Path folder;

    private PassageIndex index;
    private Lexicon lexicon;
    private ExtractiveAnswerModel model;

    @BeforeEach
    void build() throws IOException {
        Files.writeString(folder.resolve("en-it.tsv"), "hive | hives\tarnia | arnie | alveare | alveari | favo | favi\n"
                + "swarm\tsciame\nframe | frames\ttelaio | telai\n");
        lexicon = Lexicon.load(Languages.standard(), folder, LexiconFactory::analysed, LexiconFactory::keyed);
        index = TestCorpus.index(Glossary.empty(), new Document("note", "Hives", "en", null, null, null, ENGLISH),
                new Document("apiario", "Apiario", "it", null, null, null, ITALIAN));
        // a low threshold, as in the engine's own tests: a corpus this small gives retrieval ranks no meaning
        model = new ExtractiveAnswerModel(Languages.standard(), lexicon, ExtractiveConfiguration.defaults(),
                AnswerWeights.defaults().withThreshold(0.15));
    }

    @AfterEach
    void close() throws IOException {
        index.close();
    }

    /**
     * The answer to a question asked in English, from the corpus's two best candidates and the best of each other
     * language's own ranking, as many as asked for.
     */
    private String ask(String question, int otherLanguageCandidates) {
        RetrievalConfiguration config = new RetrievalConfiguration(2, RetrievalConfiguration.Mode.BM25, 20, 60, 0.3,
                10_000, 1.0, 1.0, 0, 0, otherLanguageCandidates, 1.0);
        List<ScoredPassage> found = new LuceneContentRetriever(() -> index, config, lexicon)
                .retrieve(question, "en", 2);
        List<AnswerRequest.Source> sources = new ArrayList<>();
        for (ScoredPassage s : found) {
            sources.add(new AnswerRequest.Source(sources.size() + 1, s,
                    index.corpus().document(s.passage().documentId()).orElseThrow(), s.passage().text()));
        }
        Draft draft = model.draft(new AnswerRequest(AnswerRequest.Task.ANSWER, question, question,
                Languages.standard().get("en"), sources, List.of(), index));
        return !draft.answered() ? "REFUSED"
                : draft.sentences().stream().map(Draft.Sentence::text).collect(Collectors.joining(" "));
    }

    @Test
    void an_english_question_is_answered_by_an_italian_sentence_a_bag_of_every_sense_did_not_hand_over() {
        String question = "How long has the swarm been in the hive?";

        // given only the corpus's two best candidates, the Italian one of which is richest in hives and says no time
        assertThat(ask(question, 0)).isEqualTo("REFUSED");

        // when the Italian documents' own ranking adds its best sentence, then that one answers, quoted in Italian
        assertThat(ask(question, 1))
                .isEqualTo("The article, in Italian, says: «Lo sciame abita nell'arnia da 3 settimane.».");
    }

    @Test
    void a_sentence_in_the_questions_own_language_still_answers_before_one_in_another() {
        // given an English and an Italian sentence that both count the old hives' frames, both candidates
        String answer = ask("How many frames did the old hives hold?", 1);

        // then the English one answers, in the asker's language
        assertThat(answer).isEqualTo("The old hives held 12 frames each.");
    }
}
