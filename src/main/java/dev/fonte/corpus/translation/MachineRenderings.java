package dev.fonte.corpus.translation;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.corpus.Segmenter;
import dev.fonte.corpus.TranslationException;
import dev.fonte.corpus.Translator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Renders the originals of a corpus into its other languages with a {@link Translator}, paragraph by paragraph, so
 * that paragraph <i>n</i> of a rendering translates paragraph <i>n</i> of its original (what
 * {@link Corpus#original(Passage)} relies on). A paragraph is sent one sentence per line and its reply joined back,
 * so a model that keeps the lines keeps the sentences aligned too. Every reply that passes {@link Plausibility} is
 * kept in the {@link TranslationStore}; a document is rendered only when all its parts are there, and never where a
 * rendering into that language already exists (a hand rendering wins).
 */
final class MachineRenderings {

    /** A rendering the corpus lacks: {@code original} in {@code language}. */
    record Wanted(Document original, String language) {
        String renderingId() {
            return original.id() + "-machine-" + language;
        }
    }

    /** A rendering made, and how many model calls it took (0: all its parts were kept from before). */
    record Made(Document rendering, int calls) {
    }

    private final Translator translator;
    private final TranslationStore store;
    private final Plausibility plausibility;
    private final List<String> languages;

    /**
     * @param languages the languages to render into; empty: those of the corpus's documents
     */
    MachineRenderings(Translator translator, TranslationStore store, Plausibility plausibility,
                      List<String> languages) {
        this.translator = translator;
        this.store = store;
        this.plausibility = plausibility;
        this.languages = List.copyOf(languages);
    }

    /** Every rendering of an original the corpus has no document for, hand-made or machine-made. */
    List<Wanted> wanted(Corpus corpus) {
        List<Document> documents = corpus.documents();
        Set<String> targets = new LinkedHashSet<>(languages);
        if (targets.isEmpty()) {
            documents.forEach(d -> targets.add(d.language()));
        }
        List<Wanted> wanted = new ArrayList<>();
        for (Document original : documents) {
            if (original.isTranslation()) {
                continue;
            }
            for (String language : targets) {
                boolean rendered = documents.stream().anyMatch(d -> original.id().equals(d.translationOf())
                        && d.language().equals(language));
                if (!language.equals(original.language()) && !rendered) {
                    wanted.add(new Wanted(original, language));
                }
            }
        }
        return wanted;
    }

    /** The corpus with the renderings whose every part is kept from before: no model call. */
    Corpus withStored(Corpus corpus) {
        return corpus.plus(stored(corpus));
    }

    /** The renderings the corpus lacks whose every part is kept from before: no model call. */
    List<Document> stored(Corpus corpus) {
        List<Document> added = new ArrayList<>();
        for (Wanted w : wanted(corpus)) {
            if (corpus.document(w.renderingId()).isEmpty()) {
                render(corpus, w, false).ifPresent(made -> added.add(made.rendering()));
            }
        }
        return added;
    }

    /**
     * Renders one document, asking the model for what is not kept yet.
     *
     * @throws TranslationException naming the part that failed and why; what was translated before it stays kept
     */
    Made translate(Corpus corpus, Wanted wanted) {
        if (corpus.document(wanted.renderingId()).isPresent()) {
            throw new TranslationException("the corpus already has a document with the id " + wanted.renderingId());
        }
        return render(corpus, wanted, true).orElseThrow();
    }

    /** Empty when a part is not kept and {@code callModel} is false. */
    private Optional<Made> render(Corpus corpus, Wanted wanted, boolean callModel) {
        Document original = wanted.original();
        int[] calls = {0};
        Optional<String> title = part(original.title(), "the title", wanted, callModel, calls);
        if (title.isEmpty()) {
            return Optional.empty();
        }
        List<Passage> paragraphs = corpus.paragraphs(original.id());
        List<String> rendered = new ArrayList<>();
        for (Passage paragraph : paragraphs) {
            Optional<String> text = part(lines(paragraph, corpus.sentencesOf(paragraph)),
                    "paragraph " + paragraph.paragraph(), wanted, callModel, calls);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            rendered.add(text.get());
        }
        String text = String.join("\n\n", rendered);
        long split = Segmenter.segment(wanted.renderingId(), wanted.language(), text).stream()
                .filter(p -> p.kind() == Passage.Kind.PARAGRAPH).count();
        if (split != paragraphs.size()) {
            // cannot happen with replies joined into one line each; checked because alignment depends on it
            throw new TranslationException("the rendering splits into " + split + " paragraphs, not "
                    + paragraphs.size());
        }
        return Optional.of(new Made(new Document(wanted.renderingId(), title.get(), wanted.language(),
                original.source(), original.date(), original.id(), text, translator.name()), calls[0]));
    }

    /** One part's translation on one line: kept, or asked of the model and kept when plausible. */
    private Optional<String> part(String source, String what, Wanted wanted, boolean callModel, int[] calls) {
        String from = wanted.original().language();
        String key = TranslationStore.key(source, from, wanted.language(), translator.identity());
        Optional<String> kept = store.get(key);
        if (kept.isEmpty() && callModel) {
            calls[0]++;
            String reply;
            try {
                reply = translator.translate(source, from, wanted.language());
            } catch (TranslationException e) {
                throw new TranslationException(what + ": " + e.getMessage(), e);
            }
            Optional<String> problem = plausibility.problem(source, reply);
            if (problem.isPresent()) {
                throw new TranslationException(what + ": " + problem.get());
            }
            store.put(key, reply.strip());
            kept = Optional.of(reply.strip());
        }
        return kept.map(MachineRenderings::oneLine);
    }

    /** A paragraph's sentences, one per line, each on a single line. */
    private static String lines(Passage paragraph, Collection<Passage> sentences) {
        if (sentences.isEmpty()) {
            return oneLine(paragraph.text());
        }
        return String.join("\n", sentences.stream().map(s -> oneLine(s.text())).toList());
    }

    /** The lines of a reply as one paragraph, its sentences in the order of the source's. */
    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
