package dev.fonte.corpus;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CleanerTest {

    private static final String TITLE =
            "Zuckerberg svela un piano di investimenti da 65 miliardi di dollari per data center AI per 1,3 milioni "
                    + "di GPU nel 2025";

    @Test
    void given_the_real_article_when_loaded_then_page_chrome_is_gone_and_the_ten_body_paragraphs_remain() {
        Document article = ConfiguredChrome.loader().load(ConfiguredChrome.CORPUS).corpus()
                .document("meta-ai-2025-it").orElseThrow();
        List<String> paragraphs = Arrays.asList(article.text().split("\n\n"));

        // chrome: the title repeated twice above the body, the photo caption, the credit line, the comment form
        assertThat(article.title()).isEqualTo(TITLE);
        assertThat(article.text()).doesNotContain(TITLE)
                .doesNotContain("Fonte e immagini")
                .doesNotContain("Lascia un commento")
                .doesNotContain("Il tuo indirizzo email")
                .doesNotContain("I campi obbligatori");
        assertThat(paragraphs).doesNotContain("Mark Zuckerberg");

        // body: the disclaimer, the sub-heading and every paragraph of the article, in order
        assertThat(paragraphs).hasSize(10);
        assertThat(paragraphs.get(0)).startsWith("Questo articolo non costituisce un consiglio di investimento.");
        assertThat(paragraphs.get(1)).startsWith("In un recente post su Facebook, Mark Zuckerberg, CEO di Meta");
        assertThat(paragraphs.get(2))
                .isEqualTo("2025: l’anno cruciale per l’intelligenza artificiale, secondo Zuckerberg");
        assertThat(paragraphs.get(7)).startsWith("Entro la fine dell’anno, circa 1 gigawatt")
                .contains("1,3 milioni di GPU");
        assertThat(paragraphs.get(9)).startsWith("Dopo un’apertura in ribasso a circa l’1,4%")
                .endsWith("progressi in materia di intelligenza artificiale.");
    }

    @Test
    void given_a_markdown_body_when_cleaned_then_headings_lose_their_hashes_and_wrapped_lines_are_joined() {
        Cleaner cleaner = new Cleaner(List.of());

        String text = cleaner.clean("## Un titolo di sezione\n\nUna riga\nche continua\n   qui.\n\n\n\nFine.", "Altro");

        assertThat(text).isEqualTo("Un titolo di sezione\n\nUna riga che continua qui.\n\nFine.");
    }

    @Test
    void given_a_title_repeated_with_other_case_and_spacing_when_cleaned_then_it_is_dropped() {
        Cleaner cleaner = new Cleaner(List.of());

        String text = cleaner.clean("#  meta   INVESTE\n\nMeta investe molto quest'anno.", "Meta investe");

        assertThat(text).isEqualTo("Meta investe molto quest'anno.");
    }

    @Test
    void given_chrome_patterns_when_cleaned_then_only_whole_matching_lines_are_dropped() {
        Cleaner cleaner = new Cleaner(ConfiguredChrome.patterns());

        String text = cleaner.clean("Lascia un commento\n\nNel testo si dice: lascia un commento qui sotto.\n\n"
                + "Share this article\n\nFonte e immagini", null);

        assertThat(text).isEqualTo("Nel testo si dice: lascia un commento qui sotto.");
    }

    @Test
    void a_caption_is_a_short_line_of_capitalised_words_and_nothing_else() {
        assertThat(Cleaner.isCaption("Mark Zuckerberg")).isTrue();
        assertThat(Cleaner.isCaption("Sundar Pichai")).isTrue();
        // a sub-heading with a number, a sentence, a lower-case word, a long line: content, not captions
        assertThat(Cleaner.isCaption("2025: l’anno cruciale")).isFalse();
        assertThat(Cleaner.isCaption("Meta Investe.")).isFalse();
        assertThat(Cleaner.isCaption("Microsoft e Google")).isFalse();
        assertThat(Cleaner.isCaption("Uno Due Tre Quattro Cinque")).isFalse();
    }

    @Test
    void a_decimal_printed_with_a_space_before_a_scale_or_a_unit_is_written_whole_and_a_list_is_left_alone() {
        Cleaner cleaner = new Cleaner(List.of());

        assertThat(cleaner.repairNumbers("oltre 1, 3 milioni di GPU, circa l’1, 4%, oltre 1, 5 volte"))
                .isEqualTo("oltre 1,3 milioni di GPU, circa l’1,4%, oltre 1,5 volte");
        assertThat(cleaner.repairNumbers("about 1. 3 million GPUs")).isEqualTo("about 1.3 million GPUs");
        assertThat(cleaner.repairNumbers("i punti 2, 3 e 4; nel 2024, 25 milioni"))
                .isEqualTo("i punti 2, 3 e 4; nel 2024, 25 milioni");
    }
}
