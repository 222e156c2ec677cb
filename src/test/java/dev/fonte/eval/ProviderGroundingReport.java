package dev.fonte.eval;

import dev.fonte.answer.provider.Provider;
import dev.fonte.eval.fixture.FixtureLoader;
import dev.fonte.eval.fixture.Fixtures;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints the grounding precision of the embedded default and of each fake provider, with the grounding check on and
 * off, over the core suites (core-it, core-en); other fixture files as arguments. One command (src/docs/EVAL.md):
 * {@code ./mvnw -q -Pgrounding test-compile exec:java}
 */
public final class ProviderGroundingReport {

    private ProviderGroundingReport() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> suites = args.length > 0 ? List.of(args).stream().map(Path::of).toList()
                : List.of(Path.of("src/test/resources/fixtures/core-it.yaml"),
                Path.of("src/test/resources/fixtures/core-en.yaml"));
        Fixtures fixtures = new FixtureLoader().load(suites);
        List<ProviderGroundingRun.Figure> figures = new ArrayList<>();
        figures.add(ProviderGroundingRun.embedded(fixtures));
        for (Provider provider : List.of(Provider.OPENAI, Provider.OLLAMA, Provider.ANTHROPIC)) {
            for (String mode : List.of("sentence", "off")) {
                figures.addAll(ProviderGroundingRun.provider(provider, mode, ProviderGroundingRun.BEHAVIOURS,
                        fixtures));
            }
        }
        System.out.println();
        System.out.println("Grounding precision: answer sentences whose figures, names and content words are in the"
                + " spans they cite, over " + suites);
        System.out.printf(Locale.ROOT, "%-32s %-30s %-10s %10s %10s %10s %10s%n", "model", "writes", "check",
                "ground P", "sentences", "dropped", "fallbacks");
        for (ProviderGroundingRun.Figure f : figures) {
            System.out.printf(Locale.ROOT, "%-32s %-30s %-10s %10s %10d %10.0f %10.0f%n", f.model(), f.behaviour(),
                    f.mode(), f.precision(), f.metrics().groundedSentences(), f.dropped(), f.fallbacks());
        }
        System.exit(0);
    }
}
