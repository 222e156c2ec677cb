package dev.fonte.eval;

import dev.fonte.answer.ModelChain;
import dev.fonte.answer.provider.Provider;
import dev.fonte.answer.provider.ProviderStartup;
import dev.fonte.answer.provider.ResilientChatModel;
import dev.fonte.answer.provider.fake.AnthropicFakeServer;
import dev.fonte.answer.provider.fake.FakeModelServer;
import dev.fonte.answer.provider.fake.OllamaFakeServer;
import dev.fonte.answer.provider.fake.OpenAiFakeServer;
import dev.fonte.eval.fixture.Fixtures;
import dev.fonte.eval.run.EvalRun;
import dev.fonte.eval.run.Metrics;
import dev.fonte.eval.run.Runner;
import dev.fonte.eval.target.InProcessTarget;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evaluation harness on a provider run: the application in-process with a language model behind a fake server
 * of its wire protocol, the fixtures asked through it, and the grounding precision of what was served (the share of
 * answer sentences whose figures, names and content words are in their cited spans), with the grounding check on
 * ({@code sentence}) and off (markers only, to see what the check removes). The fake models write what real ones do
 * at their best and worst: quotations of their sources, a claim of their own beside one, facts read around a source
 * and cited to it.
 */
final class ProviderGroundingRun {

    /** A way a fake model writes its answer, from the prompt it reads. */
    record Behaviour(String name, Function<String, String> responder) {
    }

    /** One run's figures. */
    record Figure(String model, String behaviour, String mode, Metrics metrics, double fallbacks, double dropped) {
        String precision() {
            Double p = metrics.groundingPrecision();
            return p == null ? "-" : String.format(Locale.ROOT, "%.2f", p);
        }
    }

    static final List<Behaviour> BEHAVIOURS = List.of(
            new Behaviour("quotes its sources", prompt -> quote(prompt, 1) + " [1]. " + quote(prompt, 2) + " [2]."),
            new Behaviour("adds a claim of its own", prompt -> quote(prompt, 1) + " [1]. " + claim(prompt) + " [1]."),
            new Behaviour("cites context to its source", prompt -> around(prompt) + " [1]."));

    static final Map<Provider, Supplier<FakeModelServer>> FAKES = Map.of(
            Provider.OPENAI, OpenAiFakeServer::new,
            Provider.OLLAMA, OllamaFakeServer::new,
            Provider.ANTHROPIC, AnthropicFakeServer::new);

    private ProviderGroundingRun() {
    }

    /** The embedded default on the fixtures. */
    static Figure embedded(Fixtures fixtures) throws Exception {
        try (ApplicationContext context = ApplicationContext.run()) {
            return new Figure("extractive (embedded default)", "-", "-", run(context, fixtures), 0, 0);
        }
    }

    /** Each behaviour of a fake {@code provider}, with the grounding check in {@code mode}. */
    static List<Figure> provider(Provider provider, String mode, List<Behaviour> behaviours, Fixtures fixtures)
            throws Exception {
        List<Figure> figures = new ArrayList<>();
        try (FakeModelServer server = FAKES.get(provider).get();
             ApplicationContext context = ApplicationContext.run(Map.of(
                     "fonte.answer.provider", provider.id(),
                     "fonte.answer.model", "fake",
                     "fonte.answer.base-url", server.baseUrl(),
                     "fonte.answer.api-key", "test-key",
                     "fonte.answer.breaker-failures", "1000",
                     "fonte.answer.grounding.mode", mode))) {
            context.getBean(ProviderStartup.class).warmedUp().get(30, TimeUnit.SECONDS);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            for (Behaviour b : behaviours) {
                server.replies(b.responder());
                double fallbacks = count(meters, ResilientChatModel.FALLBACKS);
                double dropped = count(meters, ModelChain.DROPPED);
                Metrics metrics = run(context, fixtures);
                figures.add(new Figure(provider.id() + " fake", b.name(), mode, metrics,
                        count(meters, ResilientChatModel.FALLBACKS) - fallbacks,
                        count(meters, ModelChain.DROPPED) - dropped));
            }
        }
        return figures;
    }

    private static Metrics run(ApplicationContext context, Fixtures fixtures) throws Exception {
        try (InProcessTarget target = InProcessTarget.of(context, Duration.ofSeconds(60))) {
            EvalRun run = new Runner(target, 2, (done, total, result) -> { }).run(fixtures);
            return run.overall();
        }
    }

    private static double count(MeterRegistry meters, String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    // ---- what the fake models read and write

    /** Source {@code n}'s sentence, as a model copies it out of the prompt; the first source's when there is none. */
    static String quote(String prompt, int n) {
        Matcher m = Pattern.compile("(?m)^\\[" + n + "] (.*)$").matcher(prompt);
        if (!m.find()) {
            return n == 1 ? "" : quote(prompt, 1);
        }
        return m.group(1).strip().replaceFirst("[.!?]+$", "");
    }

    /** The first sentence the prompt shows around a source; the first source's when it shows none. */
    static String around(String prompt) {
        Matcher m = Pattern.compile("(?m)^\\s+\\[\\d+] (?!\\(above\\))(.*)$").matcher(prompt);
        return m.find() ? m.group(1).strip().replaceFirst("[.!?]+$", "") : quote(prompt, 1);
    }

    /** A claim no source makes, in the answer's language. */
    static String claim(String prompt) {
        return prompt.contains("Answer language: English") ? "This will change the industry for good"
                : "Questo investimento cambierà per sempre il settore";
    }
}
