package dev.fonte.eval;

import dev.fonte.language.Languages;
import dev.fonte.eval.fixture.Case;
import dev.fonte.eval.fixture.FixtureLoader;
import dev.fonte.eval.fixture.Fixtures;
import dev.fonte.eval.fixture.Suite;
import dev.fonte.eval.fixture.Turn;
import dev.fonte.retrieval.IndexManager;
import dev.fonte.retrieval.LuceneContentRetriever;
import dev.fonte.retrieval.PassageIndex;
import dev.fonte.retrieval.RetrievalConfiguration;
import dev.fonte.retrieval.ScoredPassage;
import io.micronaut.context.ApplicationContext;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Retrieval alone, mode beside mode: for every fixture question that names its source passage, where BM25, dense
 * vectors and their fusion rank it. Prints Recall@1, Recall@3, Recall@k and MRR per mode. Questions are asked as
 * written (a follow-up is not resolved against its conversation here).
 */
public final class RetrievalComparison {

    private RetrievalComparison() {
    }

    /** A question and the passages that hold its answer. */
    record Probe(String question, String language, List<String> sources) {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        List<Path> paths = (args.isEmpty() ? List.of("src/test/resources/fixtures") : args).stream()
                .map(Path::of).toList();
        Fixtures fixtures = new FixtureLoader().load(paths);
        fixtures.problems().forEach(p -> err.println(p));
        List<Probe> probes = new ArrayList<>();
        for (Suite suite : fixtures.suites()) {
            for (Case c : suite.cases()) {
                for (Turn t : c.turns()) {
                    if (!t.sources().isEmpty()) {
                        probes.add(new Probe(t.question(), Languages.standard().detect(t.question()).code(),
                                t.sources()));
                    }
                }
            }
        }
        try (ApplicationContext context = ApplicationContext.builder()
                .classLoader(RetrievalComparison.class.getClassLoader()).start()) {
            IndexManager indexes = context.getBean(IndexManager.class);
            if (!indexes.awaitReady(Duration.ofMinutes(2))) {
                err.println("the index could not be built");
                return 2;
            }
            PassageIndex index = indexes.current();
            LuceneContentRetriever retriever = context.getBean(LuceneContentRetriever.class);
            int k = context.getBean(RetrievalConfiguration.class).k();
            Map<RetrievalConfiguration.Mode, double[]> sums = new EnumMap<>(RetrievalConfiguration.Mode.class);
            for (RetrievalConfiguration.Mode mode : RetrievalConfiguration.Mode.values()) {
                double[] s = new double[4];
                for (Probe p : probes) {
                    int rank = rank(retriever.retrieve(index, mode, p.question(), p.language(), k), p.sources());
                    s[0] += rank == 1 ? 1 : 0;
                    s[1] += rank > 0 && rank <= 3 ? 1 : 0;
                    s[2] += rank > 0 ? 1 : 0;
                    s[3] += rank > 0 ? 1.0 / rank : 0;
                }
                sums.put(mode, s);
            }
            out.printf("Retrieval on %d fixture questions that name their source (k = %d)%n", probes.size(), k);
            out.printf("%-8s %9s %9s %9s %7s%n", "mode", "Recall@1", "Recall@3", "Recall@k", "MRR");
            sums.forEach((mode, s) -> out.printf("%-8s %9.2f %9.2f %9.2f %7.2f%n", mode.name().toLowerCase(),
                    s[0] / probes.size(), s[1] / probes.size(), s[2] / probes.size(), s[3] / probes.size()));
            return 0;
        }
    }

    /** 1-based rank of the first hit inside one of the named passages (a paragraph names its sentences); 0 if none. */
    static int rank(List<ScoredPassage> hits, List<String> sources) {
        for (int i = 0; i < hits.size(); i++) {
            String id = hits.get(i).passage().id();
            if (sources.stream().anyMatch(s -> id.equals(s) || id.startsWith(s + "."))) {
                return i + 1;
            }
        }
        return 0;
    }
}
