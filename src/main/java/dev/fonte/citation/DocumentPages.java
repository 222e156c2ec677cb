package dev.fonte.citation;

import dev.fonte.answer.SourceLookup;
import dev.fonte.corpus.Corpus;
import dev.fonte.retrieval.IndexManager;
import jakarta.inject.Singleton;

import java.util.List;

/** The documents of the corpus being served, a page at a time: a large corpus is never listed whole. */
@Singleton
public class DocumentPages {

    private final IndexManager indexes;

    public DocumentPages(IndexManager indexes) {
        this.indexes = indexes;
    }

    /** One page of documents (metadata only) and how many there are in all. */
    public record Page(List<SourceLookup.DocumentView> documents, int offset, int limit, int total) {

        /** Whether documents follow this page. */
        public boolean hasNext() {
            return offset + documents.size() < total;
        }
    }

    public Page page(int offset, int limit) {
        Corpus corpus = indexes.current().corpus();
        List<SourceLookup.DocumentView> views = corpus.documents(offset, limit).stream()
                .map(d -> SourceLookup.DocumentView.of(d, false)).toList();
        return new Page(views, offset, limit, corpus.size());
    }
}
