package dev.fonte.answer;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.language.Languages;
import dev.fonte.retrieval.Glossary;
import dev.fonte.retrieval.PassageIndex;
import dev.fonte.retrieval.ScoredPassage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How the checker reads what language models actually write, against four sentence sources of one document. */
class CitationCheckerEdgeCasesTest {

    static final String[] SENTENCES = {
            "Meta investirà fino a 65 miliardi di dollari nel 2025.",
            "Il nuovo data center ospiterà oltre 1,3 milioni di GPU.",
            "Zuckerberg ha annunciato il piano su Facebook.",
            "Gli analisti si aspettavano una spesa di 51 miliardi.",
    };
    static final String DOCUMENT = String.join(" ", SENTENCES);
    static final Document DOC = new Document("doc", "Il piano", "it", null, null, null, DOCUMENT);
    static final List<AnswerRequest.Source> SOURCES = sources();
    static final AnswerRequest REQUEST = new AnswerRequest(AnswerRequest.Task.ANSWER, "q", "q",
            Languages.standard().get("it"), SOURCES, List.of(), PassageIndex.build(
            new Corpus(List.of(DOC), passages()), Glossary.empty(), 0.3));

    /** The document's one paragraph and its sentences. */
    static List<Passage> passages() {
        List<Passage> passages = new ArrayList<>();
        passages.add(new Passage("doc.p1", "doc", Passage.Kind.PARAGRAPH, 1, 0, 0, DOCUMENT.length(), DOCUMENT));
        SOURCES.forEach(s -> passages.add(s.passage()));
        return passages;
    }

    static List<AnswerRequest.Source> sources() {
        List<AnswerRequest.Source> sources = new ArrayList<>();
        int at = 0;
        for (int i = 0; i < SENTENCES.length; i++) {
            String s = SENTENCES[i];
            Passage p = new Passage("doc.p1.s" + (i + 1), "doc", Passage.Kind.SENTENCE, 1, i + 1,
                    at, at + s.length(), s);
            sources.add(new AnswerRequest.Source(i + 1, new ScoredPassage(p, 1.0 - i * 0.1), DOC, s));
            at += s.length() + 1;
        }
        return List.copyOf(sources);
    }

    /** What a checked model answer renders to. */
    record Checked(String text, List<Citation> cited, boolean grounded, boolean refused) {
    }

    static Checked check(String modelText) {
        Draft draft = CitationChecker.read(modelText, SOURCES, "m");
        if (!draft.answered()) {
            return new Checked("", List.of(), false, !CitationChecker.UNGROUNDED.equals(draft.refusal().reason()));
        }
        AnswerRenderer.Rendered rendered = AnswerRenderer.render(draft, REQUEST);
        return new Checked(rendered.text(), rendered.citations(), true, false);
    }

    /** The sentence each citation falls in, by its id. */
    static List<String> citedIds(Checked checked) {
        return checked.cited().stream().map(c -> SOURCES.stream()
                .filter(s -> s.passage().start() <= c.start() && c.start() < s.passage().end())
                .findFirst().orElseThrow().passage().id()).toList();
    }

    @Test
    void given_a_plain_marker_then_the_sentence_is_grounded_on_that_source() {
        Checked checked = check("Meta spenderà fino a 65 miliardi [1].");

        assertThat(checked.grounded()).isTrue();
        assertThat(checked.refused()).isFalse();
        assertThat(checked.text()).isEqualTo("Meta spenderà fino a 65 miliardi [1].");
        assertThat(citedIds(checked)).containsExactly("doc.p1.s1");
    }

    @Test
    void given_an_abbreviation_inside_a_sentence_then_the_sentence_is_one_claim() {
        List<CitationChecker.Claim> claims = CitationChecker.claims(
                "The U.S. economy grew by 2% [1]. Starship lifted off at 7:25 a.m. local time [2]. Wile E. Coyote "
                        + "watched [1].");

        assertThat(claims).extracting(CitationChecker.Claim::text).containsExactly(
                "The U.S. economy grew by 2%.", "Starship lifted off at 7:25 a.m. local time.",
                "Wile E. Coyote watched.");
        assertThat(claims).extracting(CitationChecker.Claim::cited)
                .containsExactly(List.of(1), List.of(2), List.of(1));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Il piano prevede 65 miliardi e 1,3 milioni di GPU [1, 2].",
            "Il piano prevede 65 miliardi e 1,3 milioni di GPU [1][2].",
            "Il piano prevede 65 miliardi e 1,3 milioni di GPU [1] [2].",
            "Il piano prevede 65 miliardi e 1,3 milioni di GPU [1;2].",
    })
    void given_two_sources_in_any_usual_form_then_both_are_cited_in_order(String modelText) {
        Checked checked = check(modelText);

        assertThat(checked.text()).isEqualTo("Il piano prevede 65 miliardi e 1,3 milioni di GPU [1][2].");
        assertThat(checked.cited()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(citedIds(checked)).containsExactly("doc.p1.s1", "doc.p1.s2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[3]]", "【3】", "［3］", "[ 3 ]"})
    void given_doubled_or_wide_brackets_then_the_marker_is_read_and_normalised(String marker) {
        Checked checked = check("L'annuncio è arrivato su Facebook " + marker + ".");

        assertThat(checked.text()).isEqualTo("L'annuncio è arrivato su Facebook [1].");
        assertThat(citedIds(checked)).containsExactly("doc.p1.s3");
    }

    @Test
    void given_a_marker_beyond_the_four_sources_then_it_is_dropped_and_its_sentence_with_it() {
        Checked checked = check("Meta spenderà 65 miliardi [1]. Meta comprerà anche la luna [7].");

        assertThat(checked.text()).isEqualTo("Meta spenderà 65 miliardi [1].").doesNotContain("luna");
        assertThat(checked.cited()).hasSize(1);
    }

    @Test
    void given_a_bogus_marker_beside_a_valid_one_then_only_the_valid_one_is_kept() {
        Checked checked = check("Ci saranno 1,3 milioni di GPU [7][2].");

        assertThat(checked.text()).isEqualTo("Ci saranno 1,3 milioni di GPU [1].");
        assertThat(citedIds(checked)).containsExactly("doc.p1.s2");
    }

    @Test
    void given_a_zero_marker_then_it_points_at_nothing() {
        assertThat(check("Meta spenderà 65 miliardi [0].").grounded()).isFalse();
    }

    @Test
    void given_sources_cited_out_of_order_then_they_are_renumbered_by_first_use() {
        Checked checked = check(
                "Gli analisti attendevano 51 miliardi [4]. Meta arriverà a 65 miliardi [1]. Più di quanto atteso [4].");

        assertThat(checked.text())
                .isEqualTo("Gli analisti attendevano 51 miliardi [1]. Meta arriverà a 65 miliardi [2]. "
                        + "Più di quanto atteso [1].");
        assertThat(checked.cited()).extracting(Citation::n).containsExactly(1, 2);
        assertThat(citedIds(checked)).containsExactly("doc.p1.s4", "doc.p1.s1");
    }

    @Test
    void given_no_valid_citation_then_the_answer_is_not_grounded_and_keeps_no_text() {
        Checked checked = check("Meta spenderà moltissimo. Lo dicono tutti.");

        assertThat(checked.grounded()).isFalse();
        assertThat(checked.refused()).isFalse();
        assertThat(checked.cited()).isEmpty();
        assertThat(checked.text()).isEmpty();
    }

    @Test
    void given_an_uncited_sentence_beside_a_cited_one_then_only_the_cited_one_is_kept() {
        Checked checked = check("Meta spenderà 65 miliardi [1]. Sarà l'anno più importante di sempre.");

        assertThat(checked.text()).isEqualTo("Meta spenderà 65 miliardi [1].");
    }

    @Test
    void given_the_fixed_phrase_then_it_is_a_refusal() {
        Checked checked = check(ChainPrompt.NOT_IN_SOURCES + ": il prezzo delle azioni");

        assertThat(checked.refused()).isTrue();
        assertThat(checked.grounded()).isFalse();
        assertThat(checked.cited()).isEmpty();
    }

    @Test
    void given_the_fixed_phrase_after_a_cited_sentence_then_it_is_still_a_refusal_and_cites_nothing() {
        Checked checked = check("Meta spenderà 65 miliardi [1]. " + ChainPrompt.NOT_IN_SOURCES);

        assertThat(checked.refused()).isTrue();
        assertThat(checked.cited()).isEmpty();
    }

    @Test
    void given_a_verbatim_quote_then_the_span_narrows_to_the_quoted_words_in_the_document() {
        Checked checked = check("il nuovo data center ospiterà oltre 1,3 milioni di GPU [2].");

        Citation cited = checked.cited().get(0);
        assertThat(DOCUMENT.substring(cited.start(), cited.end()))
                .isEqualTo("Il nuovo data center ospiterà oltre 1,3 milioni di GPU.");

        Checked partial = check("Meta investirà fino a 65 miliardi [1].");
        Citation narrowed = partial.cited().get(0);
        assertThat(DOCUMENT.substring(narrowed.start(), narrowed.end())).isEqualTo("Meta investirà fino a 65 miliardi");
    }

    @Test
    void given_a_paraphrase_then_the_span_is_the_whole_source_sentence() {
        Checked checked = check("Le GPU saranno più di un milione [2].");

        Citation cited = checked.cited().get(0);
        assertThat(DOCUMENT.substring(cited.start(), cited.end())).isEqualTo(SENTENCES[1]);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Le fonti non contengono questa informazione.",
            "L'articolo non specifica dove sorgerà il data center.",
            "Non posso rispondere con le fonti fornite.",
            "The sources do not say where the data center will be built.",
            "The provided documents don't mention it.",
            "I cannot find this information in the sources.",
            "Las fuentes no indican dónde se construirá el centro de datos."})
    void given_a_refusal_in_the_models_own_words_in_any_language_then_it_is_a_refusal(String modelText) {
        Checked checked = check(modelText);

        assertThat(checked.refused()).isTrue();
        assertThat(checked.cited()).isEmpty();
    }

    @Test
    void given_a_refusal_sentence_beside_a_cited_one_then_the_cited_one_is_the_answer() {
        Checked checked = check("Meta spenderà 65 miliardi [1]. L'articolo non dice dove sorgerà il data center.");

        assertThat(checked.text()).isEqualTo("Meta spenderà 65 miliardi [1].");
    }

    @Test
    void given_a_negative_fact_with_its_citation_then_it_is_a_fact_not_a_refusal() {
        Checked checked = check("Zuckerberg non ha indicato altre cifre [3].");

        assertThat(checked.grounded()).isTrue();
        assertThat(checked.text()).isEqualTo("Zuckerberg non ha indicato altre cifre [1].");
    }
}
