package dev.fonte.eval;

import dev.fonte.answer.AnswerWeights;
import dev.fonte.answer.Question;
import dev.fonte.answer.QuestionPreparer;
import dev.fonte.answer.extractive.ExtractiveAnswerModel;
import dev.fonte.eval.fixture.Case;
import dev.fonte.eval.fixture.Fact;
import dev.fonte.eval.fixture.FixtureLoader;
import dev.fonte.eval.fixture.Fixtures;
import dev.fonte.eval.fixture.Turn;
import dev.fonte.eval.target.AssembledCorpus;
import dev.fonte.retrieval.IndexManager;
import io.micronaut.context.ApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fits the embedded engine's answer weights ({@link AnswerWeights}) to a set of fixtures: every single-question case
 * is asked of the engine, each candidate sentence that passes the hard checks is labelled (it states the case's
 * expected facts, or the case expects a refusal and nothing does), and a logistic regression with an L2 penalty is
 * fitted over the candidates' signals. The threshold is then chosen, and the whole fit judged, question by question
 * with leave-one-group-out cross-validation (a group is the documents a case asks about, named by the first part of
 * its id), so the printed figures speak of questions about documents the fit did not see.
 *
 * <pre>./mvnw -q -Peval compile exec:java -Deval.main=dev.fonte.eval.FitWeights \
 *     -Dexec.args="--corpus corpus --corpus src/test/resources/generality/corpus \
 *     src/test/resources/generality/fixtures"</pre>
 *
 * It prints the weights as the {@code fonte.answer.extractive.weights} block of application.yml.
 */
public final class FitWeights {

    /** A candidate's signals and whether it is a right answer. */
    record Row(String group, String question, double[] x, boolean positive) {
    }

    /** A question: its eligible candidates, and whether it expects a refusal. */
    record Asked(String group, String question, List<Row> candidates, boolean refuse) {
    }

    private static final boolean DIAGNOSE = Boolean.getBoolean("fonte.fit.diagnose");
    private static final double L2 = 0.01;
    private static final int EPOCHS = 3000;
    private static final double LEARNING_RATE = 0.5;
    /** How much a wrong-and-cited answer costs, in right answers, when the threshold is chosen. */
    private static final double WRONG_COST = 2;

    private FitWeights() {
    }

    public static void main(String[] args) throws Exception {
        List<Path> corpora = new ArrayList<>();
        List<Path> fixtureFolders = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--corpus")) {
                corpora.add(Path.of(args[++i]));
            } else {
                fixtureFolders.add(Path.of(args[i]));
            }
        }
        Fixtures fixtures = new FixtureLoader().load(fixtureFolders);
        List<Asked> asked = new ArrayList<>();
        try (AssembledCorpus corpus = AssembledCorpus.of(corpora.isEmpty() ? List.of(Path.of("corpus")) : corpora);
             ApplicationContext context = ApplicationContext.run(Map.of("fonte.corpus.path",
                     corpus.folder().toString(), "fonte.index.home", "target/fit-indexes"))) {
            context.getBean(IndexManager.class).awaitReady(Duration.ofMinutes(5));
            QuestionPreparer preparer = context.getBean(QuestionPreparer.class);
            ExtractiveAnswerModel model = context.getBean(ExtractiveAnswerModel.class);
            for (var suite : fixtures.suites()) {
                for (Case c : suite.cases()) {
                    if (c.turns().size() != 1) {
                        continue;
                    }
                    Turn turn = c.turns().get(0);
                    String group = c.id().split("-")[0];
                    List<Fact> facts = turn.expectedFacts();
                    List<Row> rows = new ArrayList<>();
                    var request = preparer.prepare(Question.of(turn.question())).request();
                    var weighed = model.weigh(request);
                    if (DIAGNOSE && !turn.expectsRefusal() && weighed.stream().noneMatch(w -> w.eligible()
                            && facts.stream().allMatch(f -> f.isStatedIn(w.text())))) {
                        var right = weighed.stream().filter(w -> facts.stream().allMatch(f -> f.isStatedIn(w.text())))
                                .findFirst();
                        System.out.println("UNREACHED [" + c.id() + "] " + turn.question() + "\n    " + right
                                .map(w -> "blocked: " + w.why() + " :: " + w.text()).orElse("not retrieved"));
                    }
                    for (var w : weighed) {
                        if (w.eligible()) {
                            boolean positive = !turn.expectsRefusal() && !facts.isEmpty()
                                    && facts.stream().allMatch(f -> f.isStatedIn(w.text()));
                            rows.add(new Row(group, turn.question(), w.signals(), positive));
                        }
                    }
                    asked.add(new Asked(group, turn.question(), rows, turn.expectsRefusal()));
                }
            }
        }
        report(asked);
    }

    static void report(List<Asked> asked) {
        long reachable = asked.stream().filter(a -> !a.refuse() && a.candidates().stream().anyMatch(Row::positive))
                .count();
        long answerable = asked.stream().filter(a -> !a.refuse()).count();
        System.out.printf(Locale.ROOT, "%d questions, %d answerable; %d have a right eligible candidate (%.2f)%n",
                asked.size(), answerable, reachable, (double) reachable / Math.max(1, answerable));
        // cross-validated: each group's questions decided by weights fitted on the other groups
        List<String> groups = asked.stream().map(Asked::group).distinct().toList();
        List<double[]> heldOut = new ArrayList<>();
        List<Asked> order = new ArrayList<>();
        for (String g : groups) {
            double[] w = fit(asked.stream().filter(a -> !a.group().equals(g)).toList());
            for (Asked a : asked) {
                if (a.group().equals(g)) {
                    heldOut.add(w);
                    order.add(a);
                }
            }
        }
        double best = 0.5;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double t = 0.05; t < 0.96; t += 0.05) {
            double[] r = decide(order, heldOut, t);
            double value = r[0] + r[1] - WRONG_COST * r[2];
            System.out.printf(Locale.ROOT, "  threshold %.2f (cross-validated): right %.3f, refused right %.3f, "
                    + "wrong-cited %.3f, missed %.3f%n", t, r[0], r[1], r[2], r[3]);
            if (value > bestValue) {
                bestValue = value;
                best = t;
            }
        }
        double[] all = fit(asked);
        System.out.printf(Locale.ROOT, "chosen threshold %.2f%n%n", best);
        System.out.println("fonte:\n  answer:\n    extractive:\n      weights:");
        System.out.printf(Locale.ROOT, "        bias: %.3f%n", all[0]);
        for (int i = 0; i < AnswerWeights.SIGNALS.size(); i++) {
            System.out.printf(Locale.ROOT, "        %s: %.3f%n", kebab(AnswerWeights.SIGNALS.get(i)), all[i + 1]);
        }
        System.out.printf(Locale.ROOT, "        threshold: %.2f%n", best);
    }

    /** Per question, the shares: [answered right, refused right, answered wrong, refused wrong]. */
    static double[] decide(List<Asked> asked, List<double[]> weights, double threshold) {
        double[] out = new double[4];
        for (int q = 0; q < asked.size(); q++) {
            Asked a = asked.get(q);
            double[] w = weights.get(q);
            Row top = null;
            double topP = -1;
            for (Row r : a.candidates()) {
                double p = probability(w, r.x());
                if (p > topP) {
                    topP = p;
                    top = r;
                }
            }
            boolean answers = top != null && topP >= threshold;
            if (answers && top.positive()) {
                out[0]++;
            } else if (!answers && a.refuse()) {
                out[1]++;
            } else if (answers) {
                out[2]++;
            } else {
                out[3]++;
            }
        }
        for (int i = 0; i < 4; i++) {
            out[i] /= Math.max(1, asked.size());
        }
        return out;
    }

    /** Logistic regression by gradient descent: {bias, weights...}. */
    static double[] fit(List<Asked> asked) {
        List<Row> rows = asked.stream().flatMap(a -> a.candidates().stream()).toList();
        int n = AnswerWeights.SIGNALS.size();
        double[] w = new double[n + 1];
        if (rows.isEmpty()) {
            return w;
        }
        long positives = rows.stream().filter(Row::positive).count();
        // positives are few: each weighs as much, together, as the negatives
        double positiveWeight = positives == 0 ? 1 : (double) (rows.size() - positives) / positives;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            double[] g = new double[n + 1];
            double total = 0;
            for (Row r : rows) {
                double p = probability(w, r.x());
                double weight = r.positive() ? positiveWeight : 1;
                double e = weight * (p - (r.positive() ? 1 : 0));
                g[0] += e;
                for (int i = 0; i < n; i++) {
                    g[i + 1] += e * r.x()[i];
                }
                total += weight;
            }
            for (int i = 0; i <= n; i++) {
                w[i] -= LEARNING_RATE * (g[i] / total + (i == 0 ? 0 : L2 * w[i]));
            }
        }
        return w;
    }

    static double probability(double[] w, double[] x) {
        double z = w[0];
        for (int i = 0; i < x.length; i++) {
            z += w[i + 1] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
