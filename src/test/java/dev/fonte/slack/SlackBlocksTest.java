package dev.fonte.slack;

import dev.fonte.answer.Answer;
import dev.fonte.answer.Citation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SlackBlocksTest {

    /** An ampersand that does not start one of the three entities Slack knows. */
    private static final Pattern RAW_AMPERSAND = Pattern.compile("&(?!amp;|lt;|gt;)");

    @Test
    void a_5000_character_answer_with_markup_characters_is_split_into_sections_within_block_kit_limits() {
        // given: sentences with <, > and & (which Slack would read as links, mentions or entities), over 5000 chars
        StringBuilder text = new StringBuilder();
        int sentence = 0;
        while (text.length() < 5000) {
            text.append("Capex of <$65bn> & R&D rise, sentence ").append(++sentence).append(" [1]. ");
        }
        String original = text.toString().strip();
        Answer answer = answer(original, true, "en", List.of(citation(1, "Meta & <AI>", "65 < 70 & 38 > 30")));

        // when
        List<Map<String, Object>> blocks = SlackBlocks.render(answer);

        // then
        List<String> sections = texts(blocks, "section");
        assertThat(blocks.size()).isLessThanOrEqualTo(SlackBlocks.MAX_BLOCKS);
        assertThat(sections).allSatisfy(section -> {
            assertThat(section.length()).isLessThanOrEqualTo(SlackBlocks.MAX_SECTION_TEXT);
            // the only raw '>' allowed is mrkdwn's own quote marker at the start of a line
            assertThat(section.replace("\n> ", "\n")).doesNotContain("<", ">");
            assertThat(RAW_AMPERSAND.matcher(section).find()).as("raw & in %s", section).isFalse();
        });
        List<String> answerSections = sections.subList(0, sections.size() - 1);
        assertThat(answerSections).hasSizeGreaterThanOrEqualTo(2);
        assertThat(answerSections).allSatisfy(section -> assertThat(section).endsWith("[1]."));
        assertThat(unescape(String.join(" ", answerSections))).isEqualTo(original);
        assertThat(sections.get(sections.size() - 1))
                .isEqualTo("[1] _Meta &amp; &lt;AI&gt;_:\n> 65 &lt; 70 &amp; 38 &gt; 30");
    }

    @Test
    void one_unbroken_word_longer_than_a_section_is_cut_outside_an_entity() {
        String word = "a".repeat(2997) + "&&&&" + "b".repeat(10);

        List<String> sections = texts(SlackBlocks.render(answer(word, true, "en", List.of())), "section");

        assertThat(sections).hasSize(2);
        assertThat(sections).allSatisfy(section -> {
            assertThat(section.length()).isLessThanOrEqualTo(SlackBlocks.MAX_SECTION_TEXT);
            assertThat(RAW_AMPERSAND.matcher(section).find()).isFalse();
        });
        assertThat(unescape(String.join("", sections))).isEqualTo(word);
    }

    @Test
    void a_refused_answer_renders_the_notice_and_no_sources() {
        Answer refused = answer("L'articolo non dice nulla sul meteo di Roma.", false, "it", List.of());

        List<Map<String, Object>> blocks = SlackBlocks.render(refused);

        assertThat(blocks.get(0)).containsEntry("type", "context");
        assertThat(texts(blocks, "context")).singleElement().asString()
                .contains("L'articolo non tratta questa domanda");
        assertThat(texts(blocks, "section")).containsExactly("L'articolo non dice nulla sul meteo di Roma.");
        assertThat(blocks).noneMatch(block -> "header".equals(block.get("type")));
    }

    @Test
    void an_answered_question_quotes_each_cited_span_with_its_title_under_a_sources_header_in_its_language() {
        Answer answer = answer("Meta spenderà fino a 65 miliardi [1]. I data center crescono [2].", true, "it",
                List.of(
                citation(1, "Meta e l'IA", "fino a 65 miliardi di dollari"),
                citation(2, "Meta e l'IA", "un data center da oltre 2 gigawatt")));

        List<Map<String, Object>> blocks = SlackBlocks.render(answer);

        assertThat(blocks).extracting(block -> block.get("type"))
                .containsExactly("section", "header", "section", "section");
        assertThat(texts(blocks, "header")).containsExactly("Fonti");
        assertThat(texts(blocks, "section")).containsExactly(
                "Meta spenderà fino a 65 miliardi [1]. I data center crescono [2].",
                "[1] _Meta e l'IA_:\n> fino a 65 miliardi di dollari",
                "[2] _Meta e l'IA_:\n> un data center da oltre 2 gigawatt");
        assertThat(blocks).noneMatch(block -> "context".equals(block.get("type")));
    }

    @Test
    void many_citations_are_capped_at_fifty_blocks_with_a_note_of_what_was_left_out() {
        List<Citation> citations = IntStream.rangeClosed(1, 60).mapToObj(n -> citation(n, "T", "span " + n)).toList();
        String text = IntStream.rangeClosed(1, 60).mapToObj(n -> "Claim [" + n + "].").collect(Collectors.joining(" "));

        List<Map<String, Object>> blocks = SlackBlocks.render(answer(text, true, "en", citations));

        assertThat(blocks).hasSize(SlackBlocks.MAX_BLOCKS);
        assertThat(texts(blocks, "context")).singleElement().asString().contains("13 more blocks");
    }

    @Test
    void a_citation_longer_than_a_section_is_truncated_within_the_limit() {
        Answer answer = answer("Long [1].", true, "en", List.of(citation(1, "T", "word ".repeat(1000))));

        List<String> sections = texts(SlackBlocks.render(answer), "section");

        assertThat(sections.get(1)).startsWith("[1] _T_:\n> word").endsWith("…");
        assertThat(sections.get(1).length()).isLessThanOrEqualTo(SlackBlocks.MAX_SECTION_TEXT);
    }

    private static Answer answer(String text, boolean answered, String language, List<Citation> citations) {
        return new Answer("c1", text, answered, language, citations, "extractive");
    }

    private static Citation citation(int n, String title, String text) {
        return new Citation(n, "meta-ai-2025-it:" + n + "-" + (n + text.length()), "meta-ai-2025-it", title, text,
                n, n + text.length(), 0.5, null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> texts(List<Map<String, Object>> blocks, String type) {
        List<String> texts = new ArrayList<>();
        for (Map<String, Object> block : blocks) {
            if (!type.equals(block.get("type"))) {
                continue;
            }
            if (block.containsKey("elements")) {
                for (Map<String, Object> element : (List<Map<String, Object>>) block.get("elements")) {
                    texts.add((String) element.get("text"));
                }
            } else {
                texts.add((String) ((Map<String, Object>) block.get("text")).get("text"));
            }
        }
        return texts;
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
