package dev.fonte.eval.run;

import dev.fonte.eval.fixture.Case;
import dev.fonte.eval.fixture.Fixtures;
import dev.fonte.eval.fixture.Suite;
import dev.fonte.eval.fixture.Turn;
import dev.fonte.eval.target.Reply;
import dev.fonte.eval.target.Target;
import dev.fonte.eval.target.TargetException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs cases against a target, at most {@code parallelism} at a time; the turns of one case run in order. */
public final class Runner {

    private final Target target;
    private final int parallelism;
    private final Progress progress;

    public Runner(Target target, int parallelism, Progress progress) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.target = target;
        this.parallelism = parallelism;
        this.progress = progress;
    }

    public EvalRun run(Fixtures fixtures) throws InterruptedException {
        long started = System.nanoTime();
        int total = fixtures.caseCount();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread thread = new Thread(r, "eval-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<List<Future<CaseResult>>> futures = new ArrayList<>();
            for (Suite suite : fixtures.suites()) {
                List<Future<CaseResult>> suiteFutures = new ArrayList<>();
                for (Case c : suite.cases()) {
                    suiteFutures.add(pool.submit(() -> {
                        CaseResult result = run(c);
                        progress.caseFinished(done.incrementAndGet(), total, result);
                        return result;
                    }));
                }
                futures.add(suiteFutures);
            }
            List<SuiteResult> suites = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                List<CaseResult> cases = new ArrayList<>();
                for (Future<CaseResult> f : futures.get(i)) {
                    cases.add(get(f));
                }
                suites.add(new SuiteResult(fixtures.suites().get(i), cases));
            }
            return new EvalRun(target.describe(), suites, fixtures.problems(),
                    Duration.ofNanos(System.nanoTime() - started));
        } finally {
            pool.shutdownNow();
        }
    }

    private CaseResult run(Case c) {
        List<TurnResult> turns = new ArrayList<>();
        String conversationId = null;
        for (Turn turn : c.turns()) {
            try {
                Reply reply = target.ask(turn.question(), conversationId);
                conversationId = reply.answer().conversationId();
                turns.add(TurnResult.of(turn, reply, target.sources(), target.grounding()));
            } catch (TargetException e) {
                turns.add(TurnResult.failed(turn, e.getMessage()));
                break;
            } catch (RuntimeException e) {
                turns.add(TurnResult.failed(turn, "unexpected " + e));
                break;
            }
        }
        return new CaseResult(c, turns);
    }

    private static CaseResult get(Future<CaseResult> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            // run(Case) catches everything a target can throw; an Error is not ours to handle
            throw new IllegalStateException("a case runner died", e.getCause());
        }
    }
}
