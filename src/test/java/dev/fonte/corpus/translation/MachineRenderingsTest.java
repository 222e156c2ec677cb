package dev.fonte.corpus.translation;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.CorpusLoader;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.corpus.TranslationException;
import dev.fonte.corpus.Translator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Renderings made paragraph by paragraph, aligned with their original, kept once made, refused when implausible. */
class MachineRenderingsTest {

    @TempDir
    Path corpusFolder;

    @TempDir
    Path cache;

    Corpus corpus;

    @BeforeEach
    void corpus() throws IOException {
        TwoTowns.write(corpusFolder);
        corpus = load();
    }

    Corpus load() {
        return new CorpusLoader(List.of()).load(corpusFolder).corpus();
    }

    /** A model scripted by a function of the text it is sent; it counts its calls. */
    static final class ScriptedModel implements Translator {
        final AtomicInteger calls = new AtomicInteger();
        final UnaryOperator<String> script;
        final String identity;

        ScriptedModel(UnaryOperator<String> script, String identity) {
            this.script = script;
            this.identity = identity;
        }

        ScriptedModel(UnaryOperator<String> script) {
            this(script, "fake|model");
        }

        @Override
        public String translate(String text, String from, String to) {
            calls.incrementAndGet();
            return script.apply(text);
        }

        @Override
        public String name() {
            return "fake:model";
        }

        @Override
        public String identity() {
            return identity;
        }
    }

    MachineRenderings renderings(Translator model) {
        return new MachineRenderings(model, new TranslationStore(cache), new Plausibility(3), List.of());
    }

    Corpus translateAll(MachineRenderings renderings, Corpus c) {
        List<Document> made = renderings.wanted(c).stream().map(w -> renderings.translate(c, w).rendering()).toList();
        return c.plus(made);
    }

    @Test
    void renders_each_original_into_the_other_language_of_the_corpus_aligned_sentence_by_sentence() {
        ScriptedModel model = new ScriptedModel(TwoTowns::translate);

        Corpus served = translateAll(renderings(model), corpus);

        Document bridge = served.document("ponte-it-machine-en").orElseThrow();
        assertThat(bridge.language()).isEqualTo("en");
        assertThat(bridge.translationOf()).isEqualTo("ponte-it");
        assertThat(bridge.translatedBy()).isEqualTo("fake:model");
        assertThat(bridge.isMachineTranslation()).isTrue();
        assertThat(bridge.title()).isEqualTo("Trento opens its new bridge");
        assertThat(bridge.source()).isEqualTo("https://news.example/trento-ponte");
        assertThat(served.document("harbour-en-machine-it").orElseThrow().text())
                .contains("Le riparazioni sono costate 3 milioni di sterline");
        assertThat(model.calls).as("one call per title and per paragraph").hasValue(6);
        Document original = served.document("ponte-it").orElseThrow();
        List<Passage> sentences = served.sentences().stream().filter(s -> s.documentId().equals(bridge.id())).toList();
        assertThat(sentences).hasSize(4);
        for (Passage sentence : sentences) {
            Passage source = served.original(sentence).orElseThrow();
            assertThat(source.kind()).isEqualTo(Passage.Kind.SENTENCE);
            assertThat(source.id()).isEqualTo("ponte-it.p" + sentence.paragraph() + ".s" + sentence.sentence());
            assertThat(original.text().substring(source.start(), source.end())).isEqualTo(source.text());
            assertThat(TwoTowns.LINES.get(source.text())).isEqualTo(sentence.text());
        }
    }

    @Test
    void a_hand_rendering_wins_over_a_machine_one() throws IOException {
        Files.writeString(corpusFolder.resolve("ponte.en.md"), """
                ---
                title: Trento's new bridge
                language: en
                translation_of: ponte.it.md
                ---
                Trento opened its new bridge on the Adige. Work took 18 months.

                It is 240 metres long and cost 12 million euros. 9000 bicycles a day will cross it.
                """);
        Corpus withHand = load();

        List<MachineRenderings.Wanted> wanted = renderings(new ScriptedModel(TwoTowns::translate)).wanted(withHand);

        assertThat(wanted).extracting(MachineRenderings.Wanted::renderingId).containsExactly("harbour-en-machine-it");
    }

    @Test
    void kept_translations_make_the_renderings_of_a_new_start_without_a_model_call() throws IOException {
        translateAll(renderings(new ScriptedModel(TwoTowns::translate)), corpus);
        ScriptedModel nextStart = new ScriptedModel(text -> {
            throw new AssertionError("no model call expected, got: " + text);
        });

        Corpus served = renderings(nextStart).withStored(load());

        assertThat(served.documents()).extracting(Document::id).containsExactlyInAnyOrder("harbour-en", "ponte-it",
                "ponte-it-machine-en", "harbour-en-machine-it");
        assertThat(nextStart.calls).hasValue(0);
        try (Stream<Path> files = Files.list(cache)) {
            List<String> kept = files.map(f -> f.getFileName().toString()).toList();
            assertThat(kept).hasSize(6).allMatch(name -> name.matches("[0-9a-f]{64}\\.txt"));
        }
        String paragraph = "Il comune di Trento ha inaugurato il nuovo ponte sull'Adige.\n"
                + "I lavori sono durati 18 mesi.";
        assertThat(Files.readString(cache.resolve(TranslationStore.key(paragraph, "it", "en", "fake|model") + ".txt")))
                .as("a paragraph is kept as the model wrote it, one sentence per line")
                .isEqualTo("The city of Trento opened the new bridge over the Adige.\nThe works lasted 18 months.");
    }

    @Test
    void another_model_does_not_reuse_what_a_first_one_translated() {
        translateAll(renderings(new ScriptedModel(TwoTowns::translate)), corpus);

        Corpus served = renderings(new ScriptedModel(TwoTowns::translate, "fake|other-model")).withStored(load());

        assertThat(served.documents()).extracting(Document::id).containsExactlyInAnyOrder("harbour-en", "ponte-it");
    }

    @Test
    void a_reply_whose_figures_differ_from_the_source_leaves_the_document_in_its_own_language() {
        ScriptedModel model = new ScriptedModel(text -> TwoTowns.translate(text).replace("240 metres", "250 metres"));
        MachineRenderings renderings = renderings(model);
        MachineRenderings.Wanted bridge = renderings.wanted(corpus).stream()
                .filter(w -> w.original().id().equals("ponte-it")).findFirst().orElseThrow();

        assertThatThrownBy(() -> renderings.translate(corpus, bridge))
                .isInstanceOf(TranslationException.class)
                .hasMessageContaining("paragraph 2")
                .hasMessageContaining("figures differ")
                .hasMessageContaining("source 12 240 9000, reply 12 250 9000");
        assertThat(renderings.withStored(corpus).document("ponte-it-machine-en")).isEmpty();
    }

    @Test
    void an_empty_reply_leaves_the_document_in_its_own_language() {
        MachineRenderings renderings = renderings(new ScriptedModel(text -> " \n "));
        MachineRenderings.Wanted first = renderings.wanted(corpus).get(0);

        assertThatThrownBy(() -> renderings.translate(corpus, first)).hasMessageContaining("the title")
                .hasMessageContaining("empty");
    }

    @Test
    void a_model_that_merges_two_sentences_still_gives_a_rendering_aligned_paragraph_by_paragraph() {
        ScriptedModel model = new ScriptedModel(text -> text.startsWith("Il comune di Trento")
                ? "After 18 months of works, the city of Trento opened the new bridge over the Adige."
                : TwoTowns.translate(text));

        Corpus served = translateAll(renderings(model), corpus);

        Passage merged = served.passage("ponte-it-machine-en.p1.s1").orElseThrow();
        Passage source = served.original(merged).orElseThrow();
        Document original = served.document("ponte-it").orElseThrow();
        assertThat(source.kind()).as("one sentence for two: the whole paragraph is its original")
                .isEqualTo(Passage.Kind.PARAGRAPH);
        assertThat(source.id()).isEqualTo("ponte-it.p1");
        assertThat(original.text().substring(source.start(), source.end())).isEqualTo(source.text());
        assertThat(served.original(served.passage("ponte-it-machine-en.p2.s2").orElseThrow()).orElseThrow().id())
                .isEqualTo("ponte-it.p2.s2");
    }
}
