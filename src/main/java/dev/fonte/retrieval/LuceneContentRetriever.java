package dev.fonte.retrieval;

import dev.fonte.language.Languages;
import dev.fonte.corpus.Passage;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.query.Query;

import java.util.List;
import java.util.Map;

import static dev.langchain4j.internal.ValidationUtils.ensureNotNull;

/**
 * The corpus retriever as a LangChain4j {@link ContentRetriever}, so any LangChain4j pipeline (a
 * {@code DefaultRetrievalAugmentor}, an AI service) can use it. Each {@link Content} is one sentence; its segment's
 * metadata carries the passage id, document id and character offsets ({@link SegmentKeys}).
 */
public class LuceneContentRetriever implements ContentRetriever {

    /** Metadata keys of the returned segments. */
    public enum SegmentKeys {
        PASSAGE_ID, DOCUMENT_ID, START, END;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final PassageRetriever retriever;
    private final int k;

    public LuceneContentRetriever(PassageRetriever retriever, int k) {
        this.retriever = ensureNotNull(retriever, "retriever");
        this.k = k;
    }

    /** Sorted by relevance, most relevant first. */
    @Override
    public List<Content> retrieve(Query query) {
        String language = Languages.standard().detect(query.text()).code();
        return retriever.retrieve(query.text(), language, k).stream().map(LuceneContentRetriever::toContent).toList();
    }

    static Content toContent(ScoredPassage scored) {
        Passage p = scored.passage();
        Metadata metadata = new Metadata()
                .put(SegmentKeys.PASSAGE_ID.key(), p.id())
                .put(SegmentKeys.DOCUMENT_ID.key(), p.documentId())
                .put(SegmentKeys.START.key(), p.start())
                .put(SegmentKeys.END.key(), p.end());
        return Content.from(TextSegment.from(p.text(), metadata), Map.of(ContentMetadata.SCORE, scored.score()));
    }
}
