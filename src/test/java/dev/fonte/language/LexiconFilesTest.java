package dev.fonte.language;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped bilingual lexicons are well-formed data: a malformed line would be skipped silently at start. */
class LexiconFilesTest {

    private static final String FOLDER = "languages/lexicon/";

    @ParameterizedTest
    @ValueSource(strings = {"en-it.tsv", "en-es.tsv", "it-es.tsv"})
    void every_line_is_two_lowercase_sides_of_non_empty_phrases(String file) throws IOException {
        // given
        List<Line> lines = entries(file);

        // then
        assertThat(lines).allSatisfy(line -> {
            String[] sides = line.text().split("\t", -1);
            assertThat(sides).as("%s:%d has two tab-separated columns", file, line.number()).hasSize(2);
            for (String side : sides) {
                assertThat(side.split("\\|", -1)).as("%s:%d names a phrase between every ` | `", file, line.number())
                        .allSatisfy(phrase -> assertThat(phrase).isNotBlank());
            }
            assertThat(line.text()).as("%s:%d is lowercase", file, line.number())
                    .isEqualTo(line.text().toLowerCase(Locale.ROOT));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"en-it.tsv", "en-es.tsv", "it-es.tsv"})
    void no_line_is_written_twice(String file) throws IOException {
        // given
        Set<String> seen = new HashSet<>();
        List<String> repeated = new ArrayList<>();

        // when
        for (Line line : entries(file)) {
            if (!seen.add(line.text().strip())) {
                repeated.add(file + ":" + line.number() + " " + line.text());
            }
        }

        // then
        assertThat(repeated).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"en-it.tsv, 4500", "en-es.tsv, 4500", "it-es.tsv, 4400"})
    void each_pair_covers_at_least_its_minimum_of_concepts(String file, int minimum) throws IOException {
        assertThat(entries(file)).hasSizeGreaterThanOrEqualTo(minimum);
    }

    @Test
    void the_shipped_files_carry_general_news_words_across_every_pair() {
        // given the files as the engine loads them, words compared as written
        Lexicon lexicon = Lexicon.load(Languages.standard(), null);

        // then each direction of each pair is known
        assertThat(lexicon.translations("spent", "en", "it")).contains("speso");
        assertThat(lexicon.translations("tasso di interesse", "it", "en")).contains("interest rate");
        assertThat(lexicon.translations("germany", "en", "es")).contains("alemania");
        assertThat(lexicon.translations("londra", "it", "es")).contains("londres");
        assertThat(lexicon.translations("tribunal", "es", "it")).contains("tribunale");
        // and the common words of crime, heritage and elections
        assertThat(lexicon.translations("thieves", "en", "it")).contains("ladri");
        assertThat(lexicon.translations("joyas", "es", "en")).contains("jewels");
        assertThat(lexicon.translations("riaperto", "it", "es")).contains("reabierto");
        assertThat(lexicon.translations("quórum", "es", "it")).contains("quorum");
    }

    /** Every line but the comments: a blank line is an entry with no sides. */
    private static List<Line> entries(String file) throws IOException {
        List<Line> out = new ArrayList<>();
        try (InputStream in = LexiconFilesTest.class.getClassLoader().getResourceAsStream(FOLDER + file)) {
            assertThat(in).as("%s%s is on the classpath", FOLDER, file).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (!text.strip().startsWith("#")) {
                    out.add(new Line(number, text));
                }
            }
        }
        return out;
    }

    private record Line(int number, String text) {
    }
}
