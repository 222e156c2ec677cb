package dev.fonte.corpus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrontMatterTest {

    @Test
    void given_a_header_when_parsed_then_keys_are_lowercase_quotes_are_stripped_and_the_body_offset_follows_it() {
        String raw = "---\nTitle: \"Un titolo: con due punti\"\nlanguage: it\n# a comment: ignored\nsource: 'x'\ndate:\n---\nCorpo.";

        FrontMatter header = FrontMatter.parse(raw);

        assertThat(header.get("title")).isEqualTo("Un titolo: con due punti");
        assertThat(header.get("language")).isEqualTo("it");
        assertThat(header.get("source")).isEqualTo("x");
        assertThat(header.get("date")).as("a blank value is absent").isNull();
        assertThat(header.fields()).doesNotContainKey("# a comment");
        assertThat(raw.substring(header.bodyOffset())).isEqualTo("Corpo.");
    }

    @Test
    void given_no_header_when_parsed_then_there_are_no_fields_and_the_body_starts_at_zero() {
        FrontMatter header = FrontMatter.parse("Solo testo.\n---\ntitle: non un header\n---\n");

        assertThat(header.fields()).isEmpty();
        assertThat(header.bodyOffset()).isZero();
    }

    @Test
    void given_an_opening_line_without_a_closing_one_when_parsed_then_it_is_not_a_header() {
        FrontMatter header = FrontMatter.parse("---\ntitle: senza chiusura\nTesto.");

        assertThat(header.fields()).isEmpty();
        assertThat(header.bodyOffset()).isZero();
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
