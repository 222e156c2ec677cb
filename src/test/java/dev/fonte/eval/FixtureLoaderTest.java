package dev.fonte.eval;

import dev.fonte.eval.fixture.Assertion;
import dev.fonte.eval.fixture.Case;
import dev.fonte.eval.fixture.FixtureLoader;
import dev.fonte.eval.fixture.Fixtures;
import dev.fonte.eval.fixture.TextMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class FixtureLoaderTest {

    @TempDir
    Path dir;

    private static final String GOOD = """
            suite: core-it
            description: Italian questions
            minScore: 0.9
            defaults:
              language: it
            cases:
              - id: capex-2025
                question: "Quanto pensa di spendere Meta quest'anno?"
                tags: [factual, capex]
                source: meta-ai-2025-it.p5
                assert:
                  - contains-any: ["65 miliardi", "60 e 65 miliardi"]
                  - cites: "65 miliardi"
              - id: data-center-location
                question: "In quale stato sorgerà il data center?"
                tags: [unanswerable]
                assert:
                  - refuses: true
              - id: followup
                language: en
                turns:
                  - question: "How much will Meta invest in 2025?"
                  - question: "And last year?"
                    assert: [ {contains-any: ["38 billion"]} ]
            """;

    @Test
    void reads_cases_with_their_assertions_tags_sources_and_turns() throws IOException {
        Fixtures fixtures = load("core.yaml", GOOD);

        assertThat(fixtures.problems()).isEmpty();
        assertThat(fixtures.suites()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("core-it");
            assertThat(s.minScore()).isEqualTo(0.9);
        });
        List<Case> cases = fixtures.suites().get(0).cases();
        Case capex = cases.get(0);
        assertThat(capex.tags()).containsExactlyInAnyOrder("factual", "capex", "it");
        assertThat(capex.location()).endsWith("core.yaml:7");
        assertThat(capex.turns().get(0).sources()).containsExactly("meta-ai-2025-it.p5");
        assertThat(capex.turns().get(0).assertions()).extracting(Assertion::describe).containsExactly(
                "contains-any [\"65 miliardi\", \"60 e 65 miliardi\"]", "cites \"65 miliardi\"", "refuses false",
                "language it");
        assertThat(cases.get(1).turns().get(0).expectsRefusal()).isTrue();
        Case followup = cases.get(2);
        assertThat(followup.tags()).containsExactly("en");
        assertThat(followup.turns()).extracting(t -> t.question())
                .containsExactly("How much will Meta invest in 2025?", "And last year?");
        assertThat(followup.turns().get(1).assertions()).extracting(Assertion::describe)
                .containsExactly("contains-any [\"38 billion\"]", "refuses false", "language en");
    }

    @Test
    void reports_an_unknown_assertion_with_file_and_line_and_keeps_the_other_cases() throws IOException {
        Fixtures fixtures = load("bad.yaml", """
                suite: s
                cases:
                  - id: ok-before
                    question: "Uno?"
                  - id: typo
                    question: "Due?"
                    assert:
                      - contains-some: ["x"]
                  - id: ok-after
                    question: "Tre?"
                """);

        assertThat(fixtures.problems()).singleElement().hasToString(dir.resolve("bad.yaml")
                + ":8: unknown assertion 'contains-some'"
                + " (known: contains-any, contains-all, not-contains, regex, cites, refuses, language)");
        assertThat(fixtures.suites().get(0).cases()).extracting(Case::id).containsExactly("ok-before", "ok-after");
    }

    @Test
    void reports_a_case_without_a_question_at_its_line() throws IOException {
        Fixtures fixtures = load("noq.yaml", """
                suite: s
                cases:
                  - id: fine
                    question: "Uno?"
                  - id: empty
                    assert:
                      - refuses: true
                """);

        assertThat(fixtures.problems()).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(5))
                .satisfies(p -> assertThat(p.message()).isEqualTo("case 'empty' has no question"));
        assertThat(fixtures.caseCount()).isEqualTo(1);
    }

    @Test
    void reports_invalid_yaml_at_the_line_of_the_error_and_still_loads_other_files() throws IOException {
        write("a-broken.yaml", """
                suite: broken
                cases:
                  - id: x
                    question: "unterminated
                  - id: y
                """);
        write("b-good.yaml", GOOD);

        Fixtures fixtures = new FixtureLoader().load(List.of(dir));

        assertThat(fixtures.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).endsWith("a-broken.yaml");
            assertThat(p.line()).isBetween(4, 6);
            assertThat(p.message()).startsWith("invalid YAML");
        });
        assertThat(fixtures.suites()).extracting(s -> s.name()).containsExactly("core-it");
    }

    @Test
    void reports_a_duplicate_case_id_a_misspelt_key_and_a_bad_regex() throws IOException {
        Fixtures fixtures = load("dups.yaml", """
                suite: s
                cases:
                  - id: one
                    question: "Uno?"
                  - id: one
                    question: "Ancora uno?"
                  - id: two
                    question: "Due?"
                    asert: []
                  - id: three
                    question: "Tre?"
                    assert:
                      - regex: "(unclosed"
                """);

        assertThat(fixtures.problems()).extracting(Object::toString).containsExactly(
                dir.resolve("dups.yaml") + ":5: duplicate case id 'one'",
                dir.resolve("dups.yaml") + ":9: unknown key 'asert' in a case "
                        + "(known: assert, id, language, question, source, tags, turns)",
                dir.resolve("dups.yaml") + ":13: invalid regex: Unclosed group");
    }

    @Test
    void keeps_only_cases_with_a_requested_tag() throws IOException {
        Fixtures fixtures = load("core.yaml", GOOD).withAnyTag(Set.of("unanswerable", "en"));

        assertThat(fixtures.suites().get(0).cases()).extracting(Case::id)
                .containsExactly("data-center-location", "followup");
    }

    @Test
    void the_generality_fixtures_load_and_every_phrase_they_cite_is_in_one_of_their_documents() throws IOException {
        // the generality suites are held by GeneralityFixturesTest; this keeps a typo in them from passing unseen
        Fixtures fixtures = new FixtureLoader().load(List.of(Path.of("src/test/resources/generality/fixtures")));
        List<String> documents = new ArrayList<>();
        for (String folder : List.of("corpus", "src/test/resources/generality/corpus",
                "src/test/resources/generality/corpus-es")) {
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                    documents.add(Files.readString(file));
                }
            }
        }

        assertThat(fixtures.problems()).isEmpty();
        assertThat(fixtures.suites()).extracting(s -> s.name())
                .containsExactlyInAnyOrder("generality-it", "generality-en", "generality-cross", "generality-es");
        List<String> notInAnyDocument = fixtures.suites().stream()
                .flatMap(s -> s.cases().stream())
                .flatMap(c -> c.turns().stream().flatMap(t -> t.assertions().stream())
                        .filter(a -> a instanceof Assertion.Cites)
                        .map(a -> ((Assertion.Cites) a).text())
                        .filter(cited -> documents.stream().noneMatch(d -> TextMatch.contains(d, cited)))
                        .map(cited -> c.qualifiedId() + " cites \"" + cited + "\""))
                .toList();
        assertThat(notInAnyDocument).isEmpty();
    }

    private Fixtures load(String name, String yaml) throws IOException {
        return new FixtureLoader().load(List.of(write(name, yaml)));
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }
}
