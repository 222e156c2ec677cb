package dev.fonte.corpus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The YAML header of a document: YAML's own comments, quoting and escapes; every value kept as the text written. */
class FrontMatterTest {

    @Test
    void given_the_readmes_example_header_then_comments_after_values_are_not_part_of_them() {
        String raw = """
                ---
                title: The document's title
                language: en                 # it | en (detected when missing)
                source: https://where.it.comes/from
                date: 2025-01-24             # optional
                translation_of: other-doc-id # optional: a translation aligned paragraph by paragraph with that document
                ---
                First paragraph.
                """;

        FrontMatter header = FrontMatter.parse(raw);

        assertThat(header.get("title")).isEqualTo("The document's title");
        assertThat(header.get("language")).isEqualTo("en");
        assertThat(header.get("source")).isEqualTo("https://where.it.comes/from");
        assertThat(header.get("date")).isEqualTo("2025-01-24");
        assertThat(header.get("translation_of")).isEqualTo("other-doc-id");
        assertThat(raw.substring(header.bodyOffset())).isEqualTo("First paragraph.\n");
    }

    @Test
    void given_quoted_values_then_quotes_escapes_and_colons_inside_them_are_yamls() {
        String raw = "---\nTitle: \"Un titolo: con due punti # e un cancelletto\"\nsource: 'l''articolo'\n"
                + "language: \"it\"\n# a whole comment line\ndate:\n---\nCorpo.";

        FrontMatter header = FrontMatter.parse(raw);

        assertThat(header.get("title")).isEqualTo("Un titolo: con due punti # e un cancelletto");
        assertThat(header.get("source")).isEqualTo("l'articolo");
        assertThat(header.get("language")).isEqualTo("it");
        assertThat(header.get("date")).as("a blank value is absent").isNull();
        assertThat(header.fields()).containsOnlyKeys("title", "source", "language", "date");
        assertThat(raw.substring(header.bodyOffset())).isEqualTo("Corpo.");
    }

    @Test
    void given_values_yaml_would_read_as_other_types_then_they_stay_the_text_written() {
        FrontMatter header = FrontMatter.parse(
                "---\nlanguage: no\ntitle: 2025\nsource: null\ndate: 2025-01-24\n---\nx");

        assertThat(header.get("language")).isEqualTo("no");
        assertThat(header.get("title")).isEqualTo("2025");
        assertThat(header.get("source")).isEqualTo("null");
        assertThat(header.get("date")).isEqualTo("2025-01-24");
    }

    @Test
    void given_no_header_then_there_are_no_fields_and_the_body_starts_at_zero() {
        FrontMatter header = FrontMatter.parse("Solo testo.\n---\ntitle: non un header\n---\n");

        assertThat(header.fields()).isEmpty();
        assertThat(header.bodyOffset()).isZero();
    }

    @Test
    void given_an_opening_line_without_a_closing_one_then_it_is_an_error_naming_the_problem() {
        assertThatThrownBy(() -> FrontMatter.parse("---\ntitle: senza chiusura\nTesto."))
                .isInstanceOf(CorpusException.class).hasMessageContaining("never closed");
    }

    @Test
    void given_a_header_that_is_not_yaml_key_values_then_it_is_an_error() {
        assertThatThrownBy(() -> FrontMatter.parse("---\ntitle: \"unterminated\n---\nTesto."))
                .isInstanceOf(CorpusException.class).hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> FrontMatter.parse("---\n- just\n- a list\n---\nTesto."))
                .isInstanceOf(CorpusException.class).hasMessageContaining("key: value");
        assertThatThrownBy(() -> FrontMatter.parse("---\ntitle: a\ntitle: b\n---\nTesto."))
                .isInstanceOf(CorpusException.class).hasMessageContaining("not valid YAML");
    }

    @Test
    void given_a_list_where_a_single_value_is_read_then_it_is_an_error_naming_the_key() {
        FrontMatter header = FrontMatter.parse("---\ntitle: [a, b]\n---\nTesto.");

        assertThatThrownBy(() -> header.get("title")).isInstanceOf(CorpusException.class).hasMessageContaining("title");
    }

    @Test
    void given_the_real_english_rendering_when_loaded_then_its_header_becomes_document_metadata() {
        Document en = ConfiguredChrome.loader().load(ConfiguredChrome.CORPUS).corpus()
                .document("meta-ai-2025-en").orElseThrow();

        assertThat(en.language()).isEqualTo("en");
        assertThat(en.translationOf()).isEqualTo("meta-ai-2025-it");
        assertThat(en.title()).startsWith("Zuckerberg unveils a $65 billion investment plan");
        assertThat(en.text()).startsWith("This article does not constitute investment advice.").doesNotContain("---");
    }
}
