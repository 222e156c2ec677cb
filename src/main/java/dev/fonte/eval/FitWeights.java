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
 * with leave-one-group-out cross-validation (a group is the documents a case asks about, named by its id:
 * {@link #group}), so the printed figures speak of questions about documents the fit did not see.
 *
 * <pre>./mvnw -q -Peval compile exec:java -Deval.main=dev.fonte.eval.FitWeights \
 *     -Dexec.args="--corpus corpus --corpus src/test/resources/generality/corpus \
 *     src/test/resources/generality/fixtures"</pre>
 *
 * A {@code --corpus} named after fixture folders opens another set: those folders are asked over the corpora named
 * before them, the next over theirs, as the evaluation asks each set over its own corpus.
 *
 * It prints the weights as the {@code fonte.answer.extractive.weights} block of application.yml. The weights that
 * apply only to a sentence in another language than the question ({@link #OTHER_LANGUAGE}) are held at their
 * configured values there; {@code --other-language} chooses them instead, the other weights held at theirs: by a
 * search over a grid of their values, each scored by the answers it leads to, since what they must do is turn a
 * cross-language question's missed answers into right ones without a wrong answer more, which a likelihood over
 * candidates does not measure. The search is cross-validated by group too.
 */
public final class FitWeights {

    /** A candidate's signals and whether it is a right answer. */
    record Row(String group, String question, double[] x, boolean positive) {
    }

    /**
     * A question: its eligible candidates, whether it expects a refusal, and whether its suite asks it in another
     * language than its documents' (tagged {@code cross-language}).
     */
    record Asked(String group, String question, List<Row> candidates, boolean refuse, boolean crossLanguage) {
    }

    /** The weights of signals that only a sentence in another language than the question has. */
    static final List<String> OTHER_LANGUAGE = List.of("foreign", "foreignRank", "languageRank", "carriedSimilarity");
    /** The values the other-language search tries for each of {@link #OTHER_LANGUAGE}, in that order. */
    private static final double[][] OTHER_LANGUAGE_GRID = {
        {-2, -1.75, -1.5, -1.25, -1, -0.75, -0.5, -0.25, 0},
        {-1.2, -0.9, -0.6, -0.3, 0},
        {0, 0.3, 0.6, 0.9, 1.2, 1.5, 1.8},
        {0, 0.5, 1, 1.5, 2, 2.5, 3}};

    private static final boolean DIAGNOSE = Boolean.getBoolean("fonte.fit.diagnose");
    private static final double L2 = 0.01;
    private static final int EPOCHS = 3000;
    private static final double LEARNING_RATE = 0.5;
    /** How much a wrong-and-cited answer costs, in right answers, when the threshold is chosen. */
    private static final double WRONG_COST = 2;

    private FitWeights() {
    }

    /** Fixture folders asked of the engine over one corpus. */
    record FixtureSet(List<Path> corpora, List<Path> fixtures) {
    }

    public static void main(String[] args) throws Exception {
        List<FixtureSet> sets = new ArrayList<>();
        List<Path> corpora = new ArrayList<>();
        List<Path> fixtureFolders = new ArrayList<>();
        boolean otherLanguage = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--corpus")) {
                // a corpus named after fixture folders opens another set
                if (!fixtureFolders.isEmpty()) {
                    sets.add(new FixtureSet(corpora, fixtureFolders));
                    corpora = new ArrayList<>();
                    fixtureFolders = new ArrayList<>();
                }
                corpora.add(Path.of(args[++i]));
            } else if (args[i].equals("--other-language")) {
                otherLanguage = true;
            } else {
                fixtureFolders.add(Path.of(args[i]));
            }
        }
        sets.add(new FixtureSet(corpora.isEmpty() ? List.of(Path.of("corpus")) : corpora, fixtureFolders));
        List<Asked> asked = new ArrayList<>();
        AnswerWeights configured = null;
        for (FixtureSet set : sets) {
            configured = ask(set, asked);
        }
        if (otherLanguage) {
            searchOtherLanguage(asked, configured);
        } else {
            report(asked, configured);
        }
    }

    /** Asks every single-question case of a set, adding each to {@code asked}; returns the configured weights. */
    private static AnswerWeights ask(FixtureSet set, List<Asked> asked) throws Exception {
        Fixtures fixtures = new FixtureLoader().load(set.fixtures());
        try (AssembledCorpus corpus = AssembledCorpus.of(set.corpora());
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
                    String group = group(c.id());
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
                    asked.add(new Asked(group, turn.question(), rows, turn.expectsRefusal(),
                            c.tags().contains("cross-language")));
                }
            }
            return context.getBean(AnswerWeights.class);
        }
    }

    static void report(List<Asked> asked, AnswerWeights configured) {
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
            double[] w = fit(asked.stream().filter(a -> !a.group().equals(g)).toList(), configured);
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
        double[] all = fit(asked, configured);
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
            out[outcome(asked.get(q), weights.get(q), threshold)]++;
        }
        for (int i = 0; i < 4; i++) {
            out[i] /= Math.max(1, asked.size());
        }
        return out;
    }

    /**
     * Logistic regression by gradient descent: {bias, weights...}; the weights of {@link #OTHER_LANGUAGE} stay as
     * configured.
     */
    static double[] fit(List<Asked> asked, AnswerWeights configured) {
        List<Row> rows = asked.stream().flatMap(a -> a.candidates().stream()).toList();
        int n = AnswerWeights.SIGNALS.size();
        double[] w = new double[n + 1];
        boolean[] fixed = new boolean[n + 1];
        for (String name : OTHER_LANGUAGE) {
            int i = AnswerWeights.SIGNALS.indexOf(name);
            fixed[i + 1] = true;
            w[i + 1] = configured.vector()[i];
        }
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
                if (!fixed[i]) {
                    w[i] -= LEARNING_RATE * (g[i] / total + (i == 0 ? 0 : L2 * w[i]));
                }
            }
        }
        return w;
    }

    /**
     * Chooses the weights of {@link #OTHER_LANGUAGE}, every other weight and the threshold as configured, and prints
     * them with the shares they lead to: among the points of {@link #OTHER_LANGUAGE_GRID} that, in either kind of
     * question (same-language, cross-language), answer no more questions wrongly than the configured weights and
     * refuse no fewer unanswerable ones, and answer no fewer same-language questions rightly, the one that answers
     * most cross-language questions rightly (then the one with fewest wrong answers). Judged by leave-one-group-out:
     * each group's questions are decided by the point chosen on the other groups.
     */
    static void searchOtherLanguage(List<Asked> asked, AnswerWeights configured) {
        Search search = otherLanguage(asked, configured);
        System.out.println("                                        questions  right  refused right  wrong-cited"
                + "  missed");
        for (boolean cross : new boolean[] {true, false}) {
            String kind = cross ? "cross-language" : "same-language";
            shares(kind + ", configured", asked, search.configured(), cross);
            shares(kind + ", cross-validated", asked, search.heldOut(), cross);
            shares(kind + ", chosen (in-sample)", asked, search.chosen(), cross);
        }
        System.out.println("\nfonte:\n  answer:\n    extractive:\n      weights:");
        for (int i = 0; i < OTHER_LANGUAGE.size(); i++) {
            System.out.printf(Locale.ROOT, "        %s: %.3f%n", kebab(OTHER_LANGUAGE.get(i)), search.weights()[i]);
        }
    }

    /**
     * What the other-language search found.
     *
     * @param weights    the chosen values of {@link #OTHER_LANGUAGE}, in that order
     * @param configured each question's outcome under the configured weights (0 right, 1 refused right, 2 wrong,
     *                   3 missed)
     * @param heldOut    each question's outcome under the point chosen without its group
     * @param chosen     each question's outcome under the chosen point
     */
    record Search(double[] weights, int[] configured, int[] heldOut, int[] chosen) {
    }

    static Search otherLanguage(List<Asked> asked, AnswerWeights configured) {
        double[] base = weights(configured);
        int[] at = OTHER_LANGUAGE.stream().mapToInt(name -> AnswerWeights.SIGNALS.indexOf(name) + 1).toArray();
        List<double[]> points = new ArrayList<>();
        points.add(base);
        grid(base, at, 0, points);
        int[][] outcome = new int[points.size()][];
        for (int p = 0; p < points.size(); p++) {
            outcome[p] = outcomes(asked, points.get(p), configured.threshold());
        }
        int[] heldOut = new int[asked.size()];
        for (String g : asked.stream().map(Asked::group).distinct().toList()) {
            boolean[] training = new boolean[asked.size()];
            for (int q = 0; q < asked.size(); q++) {
                training[q] = !asked.get(q).group().equals(g);
            }
            int chosen = choose(asked, outcome, training);
            for (int q = 0; q < asked.size(); q++) {
                if (!training[q]) {
                    heldOut[q] = outcome[chosen][q];
                }
            }
        }
        boolean[] all = new boolean[asked.size()];
        java.util.Arrays.fill(all, true);
        int chosen = choose(asked, outcome, all);
        double[] values = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            values[i] = points.get(chosen)[at[i]];
        }
        return new Search(values, outcome[0], heldOut, outcome[chosen]);
    }

    private static double[] weights(AnswerWeights configured) {
        double[] w = new double[AnswerWeights.SIGNALS.size() + 1];
        w[0] = configured.bias();
        System.arraycopy(configured.vector(), 0, w, 1, AnswerWeights.SIGNALS.size());
        return w;
    }

    private static void grid(double[] current, int[] at, int level, List<double[]> out) {
        if (level == at.length) {
            out.add(current.clone());
            return;
        }
        for (double value : OTHER_LANGUAGE_GRID[level]) {
            double[] next = current.clone();
            next[at[level]] = value;
            grid(next, at, level + 1, out);
        }
    }

    private static int[] outcomes(List<Asked> asked, double[] w, double threshold) {
        int[] out = new int[asked.size()];
        for (int q = 0; q < asked.size(); q++) {
            out[q] = outcome(asked.get(q), w, threshold);
        }
        return out;
    }

    /**
     * What a question gets from its most probable candidate: 0 answered right, 1 refused right, 2 answered wrong, 3
     * refused wrong (missed).
     */
    static int outcome(Asked a, double[] w, double threshold) {
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
        return answers && top.positive() ? 0 : !answers && a.refuse() ? 1 : answers ? 2 : 3;
    }

    /** The point the search prefers on the questions marked in {@code among} (point 0 is the configured one). */
    private static int choose(List<Asked> asked, int[][] outcome, boolean[] among) {
        int best = 0;
        int[] bestCount = count(asked, outcome[0], among);
        int[] reference = bestCount;
        for (int p = 1; p < outcome.length; p++) {
            int[] c = count(asked, outcome[p], among);
            // {cross right, cross wrong, same right, same wrong, cross refused, same refused}
            boolean allowed = c[1] <= reference[1] && c[3] <= reference[3] && c[2] >= reference[2]
                    && c[4] >= reference[4] && c[5] >= reference[5];
            if (allowed && (c[0] > bestCount[0] || c[0] == bestCount[0] && c[1] + c[3] < bestCount[1] + bestCount[3])) {
                best = p;
                bestCount = c;
            }
        }
        return best;
    }

    private static int[] count(List<Asked> asked, int[] outcome, boolean[] among) {
        int[] c = new int[6];
        for (int q = 0; q < asked.size(); q++) {
            if (!among[q]) {
                continue;
            }
            boolean cross = asked.get(q).crossLanguage();
            int kind = cross ? 0 : 2;
            if (outcome[q] == 0) {
                c[kind]++;
            } else if (outcome[q] == 2) {
                c[kind + 1]++;
            } else if (outcome[q] == 1) {
                c[cross ? 4 : 5]++;
            }
        }
        return c;
    }

    private static void shares(String label, List<Asked> asked, int[] outcome, boolean cross) {
        int[] n = new int[4];
        int questions = 0;
        int answerable = 0;
        int unanswerable = 0;
        for (int q = 0; q < asked.size(); q++) {
            if (asked.get(q).crossLanguage() == cross) {
                questions++;
                n[outcome[q]]++;
                if (asked.get(q).refuse()) {
                    unanswerable++;
                } else {
                    answerable++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-40s %4d    %.3f  %.3f          %.3f        %.3f   (of the answerable "
                + "right %.3f, of the unanswerable refused %.3f)%n", label, questions, share(n[0], questions),
                share(n[1], questions), share(n[2], questions), share(n[3], questions), share(n[0], answerable),
                share(n[1], unanswerable));
    }

    private static double share(int count, int of) {
        return (double) count / Math.max(1, of);
    }

    static double probability(double[] w, double[] x) {
        double z = w[0];
        for (int i = 0; i + 1 < w.length; i++) {
            z += w[i + 1] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The documents a case asks about, named by the first part of its id; a cross-language case's id opens with the
     * direction it crosses in ("x-", "y-"), which names no documents.
     */
    static String group(String id) {
        String[] parts = id.split("-");
        return parts.length > 1 && parts[0].length() == 1 ? parts[1] : parts[0];
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
