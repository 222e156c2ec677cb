package dev.fonte.eval;

import dev.fonte.answer.provider.Provider;
import dev.fonte.eval.fixture.FixtureLoader;
import dev.fonte.eval.fixture.Fixtures;
import dev.fonte.eval.fixture.Suite;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's grounding precision on a provider run (one fake provider, part of a suite; the report over every
 * provider and the core suites is {@link ProviderGroundingReport}): whatever the fake model writes, what is served is
 * grounded with the check on; with it off, a model's own claims and facts cited to the wrong span get through, and
 * the figure shows it.
 */
class ProviderGroundingPrecisionTest {

    /** The first cases of core-it: each is asked six times (three ways of writing, the check on and off). */
    static final int CASES = 16;
    static final Fixtures CORE_IT = first(new FixtureLoader()
            .load(List.of(Path.of("src/test/resources/fixtures/core-it.yaml"))));

    static Fixtures first(Fixtures fixtures) {
        Suite s = fixtures.suites().get(0);
        return new Fixtures(List.of(new Suite(s.name(), s.description(), s.minScore(), s.file(),
                s.cases().subList(0, Math.min(CASES, s.cases().size())))), fixtures.problems());
    }

    @Test
    void given_a_fake_model_at_its_best_and_worst_then_what_is_served_is_grounded_only_with_the_check_on()
            throws Exception {
        List<ProviderGroundingRun.Figure> on = ProviderGroundingRun.provider(Provider.OPENAI, "sentence",
                ProviderGroundingRun.BEHAVIOURS, CORE_IT);
        List<ProviderGroundingRun.Figure> off = ProviderGroundingRun.provider(Provider.OPENAI, "off",
                ProviderGroundingRun.BEHAVIOURS, CORE_IT);

        assertThat(on).allMatch(f -> f.metrics().groundingPrecision() == 1.0, "grounded with the check on");
        assertThat(on.get(1).dropped()).as("its own claim is dropped from every answer").isPositive();
        assertThat(on.get(2).fallbacks()).as("a context fact cited to its source falls back").isPositive();
        assertThat(off.get(0).metrics().groundingPrecision()).as("quotations hold without the check too")
                .isEqualTo(1.0);
        assertThat(off.get(1).metrics().groundingPrecision()).isLessThan(0.6);
        assertThat(off.get(2).metrics().groundingPrecision()).isLessThan(0.5);
    }
}
