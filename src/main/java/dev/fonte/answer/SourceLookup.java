package dev.fonte.answer;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.retrieval.IndexManager;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Resolves what answers point at: documents and citation spans, from the corpus being served. */
@Singleton
public class SourceLookup {

    private final IndexManager indexes;

    public SourceLookup(IndexManager indexes) {
        this.indexes = indexes;
    }

    /**
     * A document's metadata, and its stored text when asked for.
     *
     * @param machineTranslation whether a language model wrote this text (a rendering of {@code translationOf})
     * @param translatedBy       the model that wrote it, for a machine translation
     */
    @Serdeable
    public record DocumentView(String id, String title, String language, @Nullable String source, @Nullable String date,
                               @Nullable String translationOf, boolean machineTranslation,
                               @Nullable String translatedBy, int length, @Nullable String text) {
        public static DocumentView of(Document d, boolean withText) {
            return new DocumentView(d.id(), d.title(), d.language(), d.source(), d.date(), d.translationOf(),
                    d.isMachineTranslation(), d.translatedBy(), d.text().length(), withText ? d.text() : null);
        }
    }

    /**
     * A cited span with the paragraph around it.
     *
     * @param machineTranslation true when the span is a language model's translation (see {@code original}); else
     *                           absent
     */
    @Serdeable
    public record CitationView(String id, String documentId, String title, String text, int start, int end,
                               String context, int contextStart, @Nullable Citation.Original original,
                               @Nullable Boolean machineTranslation) {
    }

    public List<DocumentView> documents() {
        return indexes.current().corpus().documents().stream().map(d -> DocumentView.of(d, false)).toList();
    }

    public Optional<DocumentView> document(String id) {
        return indexes.current().corpus().document(id).map(d -> DocumentView.of(d, true));
    }

    /** Empty when the id is malformed, names no document, or lies outside its text. */
    public Optional<CitationView> citation(String id) {
        Corpus corpus = indexes.current().corpus();
        return CitationIds.parse(id).flatMap(span -> corpus.document(span.documentId())
                .filter(d -> span.end() <= d.text().length())
                .flatMap(d -> corpus.paragraphAt(d.id(), span.start()).map(paragraph -> {
                    Citation.Original original = corpus.sentencesOf(paragraph).stream()
                            .filter(s -> s.start() <= span.start() && span.start() < s.end())
                            .findFirst().flatMap(corpus::original)
                            .map(o -> new Citation.Original(o.documentId(), o.text(), o.start(), o.end()))
                            .orElse(null);
                    return new CitationView(id, d.id(), d.title(), d.text().substring(span.start(), span.end()),
                            span.start(), span.end(), paragraph.text(), paragraph.start(), original,
                            Citation.machineTranslation(d));
                })));
    }
}
