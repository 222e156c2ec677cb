package dev.fonte.corpus.translation;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.TranslationException;
import dev.fonte.corpus.Translator;
import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Machine renderings for the index ({@code fonte.corpus.translate}): an index update takes the renderings already
 * kept ({@link #stored}, no model call), and once an index is served ({@link #served}) the missing ones are
 * translated in the background, one document after another; when some were added, the index is rebuilt to serve
 * them. A document whose translation fails is served in its own language only, and is not tried again until the
 * server restarts or the document changes. Nothing here ever fails or holds up an index build.
 */
@Singleton
public class CorpusTranslation {

    private static final Logger LOG = LoggerFactory.getLogger(CorpusTranslation.class);

    private final TranslationConfiguration configuration;
    private final BeanProvider<Translator> translatorProvider;
    private final Languages languages;
    private final ExecutorService executor;
    private final Counter translated;
    private final Counter skipped;
    private final AtomicReference<Pass> pending = new AtomicReference<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Set<String> failed = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile MachineRenderings renderings;
    private volatile boolean resolved;

    /**
     * A served corpus to complete (read again for each document: the version served changes while the model works),
     * and how to rebuild the index once renderings were added.
     */
    private record Pass(Supplier<Corpus> corpus, Runnable rebuild) {
    }

    public CorpusTranslation(TranslationConfiguration configuration, BeanProvider<Translator> translator,
                             Languages languages, MeterRegistry meters,
                             @Named(TaskExecutors.IO) ExecutorService executor) {
        this.configuration = configuration;
        this.translatorProvider = translator;
        this.languages = languages;
        this.executor = executor;
        this.translated = Counter.builder("fonte.translations").tag("outcome", "translated")
                .description("documents rendered into another language by the language model").register(meters);
        this.skipped = Counter.builder("fonte.translations").tag("outcome", "skipped")
                .description("documents left in their own language: the model failed or its reply was implausible")
                .register(meters);
    }

    /** Whether documents are rendered: translation is on and a language model can do it. */
    public boolean active() {
        return renderings() != null;
    }

    /**
     * The renderings of the documents of {@code written} (none of them machine renderings) kept from earlier
     * translations, to be indexed beside them. Never calls the model.
     */
    public List<Document> stored(Corpus written) {
        MachineRenderings r = renderings();
        if (r == null) {
            return List.of();
        }
        try {
            return r.stored(written);
        } catch (RuntimeException e) {
            LOG.warn("Serving the corpus without its machine renderings: {}", e.toString());
            return List.of();
        }
    }

    /**
     * An index of the corpus {@code served} gives is being served: translates what it lacks in the background, then
     * runs {@code rebuild} (which reads the renderings through {@link #stored}) when renderings were added.
     */
    public void served(Supplier<Corpus> corpus, Runnable rebuild) {
        if (closed || renderings() == null) {
            return;
        }
        pending.set(new Pass(corpus, rebuild));
        drain();
    }

    /** Whether no translation pass is waiting or under way (for tests and tools). */
    public boolean idle() {
        return !running.get() && pending.get() == null;
    }

    private void drain() {
        if (pending.get() == null || !running.compareAndSet(false, true)) {
            return;
        }
        Runnable work = () -> {
            try {
                Pass pass;
                while (!closed && (pass = pending.getAndSet(null)) != null) {
                    if (translate(pass.corpus()) > 0 && !closed) {
                        pass.rebuild().run();
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("Machine renderings stopped: {}; the documents are served as they are", e.toString());
            } finally {
                running.set(false);
            }
            drain(); // a pass that arrived while this one was ending
        };
        try {
            executor.execute(work);
        } catch (RejectedExecutionException e) {
            running.set(false); // the server is stopping
        }
    }

    /** Translates every rendering the corpus lacks; the number made. */
    private int translate(Supplier<Corpus> served) {
        MachineRenderings r = renderings;
        int made = 0;
        for (MachineRenderings.Wanted wanted : r.wanted(served.get())) {
            String attempt = wanted.renderingId() + ' ' + wanted.original().title().hashCode() + ' '
                    + wanted.original().text().hashCode();
            if (closed || failed.contains(attempt)) {
                continue;
            }
            String from = wanted.original().language();
            Corpus corpus = served.get();
            try {
                MachineRenderings.Made rendering = r.translate(corpus, wanted);
                made++;
                translated.increment();
                LOG.info("Translated document {} from {} into {} with {} ({} paragraphs, {} model calls): served as {}",
                        wanted.original().id(), from, wanted.language(), rendering.rendering().translatedBy(),
                        corpus.paragraphs(wanted.original().id()).size(), rendering.calls(), wanted.renderingId());
            } catch (RuntimeException e) {
                failed.add(attempt);
                skipped.increment();
                LOG.warn("Not translating document {} into {}: {}; it is served in {} only", wanted.original().id(),
                        wanted.language(), e instanceof TranslationException ? e.getMessage() : e.toString(), from);
            }
        }
        return made;
    }

    /** The renderer, made on first use; null when translation is off or no language model is configured. */
    private MachineRenderings renderings() {
        if (!configuration.enabled()) {
            return null;
        }
        if (!resolved) {
            synchronized (this) {
                if (!resolved) {
                    renderings = create();
                    resolved = true;
                }
            }
        }
        return renderings;
    }

    private MachineRenderings create() {
        Translator translator;
        try {
            translator = translatorProvider.find(null).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("{}.enabled is on, but the language model cannot be set up ({}): documents are served in their "
                    + "own language only", TranslationConfiguration.PREFIX, e.getMessage());
            return null;
        }
        if (translator == null) {
            LOG.warn("{}.enabled is on, but no language model is configured (fonte.answer.provider is extractive, "
                    + "which does not translate): documents are served in their own language only",
                    TranslationConfiguration.PREFIX);
            return null;
        }
        List<String> targets = configuration.languages().stream().filter(code -> {
            boolean known = languages.find(code).isPresent();
            if (!known) {
                LOG.warn("{}.languages names '{}', which has no language pack ({}): not rendering into it",
                        TranslationConfiguration.PREFIX, code, languages.all().stream().map(Language::code).toList());
            }
            return known;
        }).toList();
        if (!configuration.languages().isEmpty() && targets.isEmpty()) {
            return null;
        }
        LOG.info("Machine renderings on: {} translates the corpus into {}, kept in {}", translator.name(),
                targets.isEmpty() ? "the languages of its documents" : targets,
                configuration.cacheFolder() == null ? "memory only" : configuration.cacheFolder());
        return new MachineRenderings(translator, new TranslationStore(configuration.cacheFolder()),
                new Plausibility(configuration.maxLengthRatio()), targets);
    }

    @PreDestroy
    void close() {
        closed = true;
    }
}
