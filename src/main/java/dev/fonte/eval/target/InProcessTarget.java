package dev.fonte.eval.target;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Question;
import dev.fonte.answer.Grounding;
import dev.fonte.corpus.CorpusConfiguration;
import dev.fonte.eval.run.GroundingCheck;
import dev.fonte.language.Languages;
import dev.fonte.retrieval.IndexManager;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.core.annotation.Nullable;
import reactor.core.publisher.Flux;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Asks the application's {@link AnswerService} directly, through its streaming method to see the candidates. */
public final class InProcessTarget implements Target {

    private final AnswerService answers;
    private final SourceMatcher sources;
    private final GroundingCheck grounding;
    private final Duration timeout;
    @Nullable
    private final ApplicationContext owned;
    @Nullable
    private final AssembledCorpus corpus;

    /** Over any answer service; candidates are matched to named sources by id. */
    public InProcessTarget(AnswerService answers, Duration timeout) {
        this(answers, SourceMatcher.BY_ID, GroundingCheck.standalone(), timeout, null, null);
    }

    private InProcessTarget(AnswerService answers, SourceMatcher sources, GroundingCheck grounding, Duration timeout,
                            @Nullable ApplicationContext owned, @Nullable AssembledCorpus corpus) {
        this.answers = answers;
        this.sources = sources;
        this.grounding = grounding;
        this.timeout = timeout;
        this.owned = owned;
        this.corpus = corpus;
    }

    /** Over a running application's answer service; candidates are matched by span against its corpus. */
    public static InProcessTarget of(ApplicationContext context, Duration timeout) {
        return of(context, timeout, null, null);
    }

    private static InProcessTarget of(ApplicationContext context, Duration timeout, @Nullable ApplicationContext owned,
                                      @Nullable AssembledCorpus corpus) {
        // a question is refused at once while the index is built: ask only once it is whole
        context.findBean(IndexManager.class).ifPresent(index -> index.awaitReady(timeout));
        SourceMatcher sources = context.findBean(IndexManager.class)
                .map(index -> SourceMatcher.bySpan(id -> index.current().corpus().passage(id)))
                .orElse(SourceMatcher.BY_ID);
        GroundingCheck grounding = context.findBean(IndexManager.class).map(InProcessTarget::grounding)
                .orElseGet(GroundingCheck::standalone);
        return new InProcessTarget(context.getBean(AnswerService.class), sources, grounding, timeout, owned, corpus);
    }

    /** Grounding measured with the served index's glossary, and its documents' languages and subjects. */
    private static GroundingCheck grounding(IndexManager indexes) {
        return new GroundingCheck(code -> indexes.current().queryAnalyzer(code),
                (id, text) -> indexes.current().corpus().document(id).map(d -> d.language())
                        .orElseGet(() -> Languages.standard().detect(text).code()),
                (id, title) -> Grounding.subject(title, indexes.current().corpus().topics(id)));
    }

    /** Starts the application (without its HTTP server) with the usual configuration and asks its answer service. */
    public static InProcessTarget start(Duration timeout) throws TargetException {
        return start(timeout, List.of());
    }

    /**
     * Starts the application as {@link #start(Duration)} does, but over a corpus assembled from {@code corpora}
     * (see {@link AssembledCorpus}) instead of its configured one; none keeps the configured corpus.
     */
    public static InProcessTarget start(Duration timeout, List<Path> corpora) throws TargetException {
        AssembledCorpus corpus = corpora.isEmpty() ? null : AssembledCorpus.of(corpora);
        // the classloader that loaded us: under exec:java it is not the system one, and the context
        // initialises beans on other threads
        ApplicationContextBuilder builder = ApplicationContext.builder()
                .classLoader(InProcessTarget.class.getClassLoader());
        if (corpus != null) {
            builder.properties(Map.of(CorpusConfiguration.PREFIX + ".path", corpus.folder().toString()));
        }
        ApplicationContext context;
        try {
            context = builder.start();
        } catch (RuntimeException e) {
            removeCorpus(corpus);
            throw new TargetException("the application did not start: " + e.getMessage(), e);
        }
        if (!context.containsBean(AnswerService.class)) {
            context.close();
            removeCorpus(corpus);
            throw new TargetException("the application has no AnswerService bean");
        }
        return of(context, timeout, context, corpus);
    }

    private static void removeCorpus(@Nullable AssembledCorpus corpus) {
        if (corpus != null) {
            corpus.close();
        }
    }

    @Override
    public Reply ask(String question, @Nullable String conversationId) throws TargetException {
        long started = System.nanoTime();
        List<AnswerEvent> events;
        try {
            events = Flux.from(answers.stream(new Question(question, conversationId)))
                    .collectList()
                    .block(timeout);
        } catch (RuntimeException e) {
            throw new TargetException("the answer service failed: " + e.getMessage(), e);
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        List<AnswerEvent.Source> candidates = List.of();
        Answer answer = null;
        for (AnswerEvent event : events == null ? List.<AnswerEvent>of() : events) {
            if (event instanceof AnswerEvent.Sources s) {
                candidates = s.sources();
            } else if (event instanceof AnswerEvent.Done d) {
                answer = d.answer();
            }
        }
        if (answer == null) {
            throw new TargetException("the answer stream ended without a done event");
        }
        return new Reply(answer, candidates, latency);
    }

    @Override
    public Optional<SourceMatcher> sources() {
        return Optional.of(sources);
    }

    @Override
    public GroundingCheck grounding() {
        return grounding;
    }

    @Override
    public String describe() {
        return corpus == null ? "in-process"
                : "in-process, corpus " + String.join(" + ", corpus.sources().stream().map(Path::toString).toList());
    }

    @Override
    public void close() {
        if (owned != null && owned.isRunning()) {
            owned.close();
        }
        removeCorpus(corpus);
    }
}
