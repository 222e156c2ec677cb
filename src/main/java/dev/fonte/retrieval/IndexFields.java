package dev.fonte.retrieval;

/** Every Lucene field name, shared by the indexer and the searcher. */
public final class IndexFields {

    /** Passage id: stored to map a hit back to the corpus, not tokenized (exact lookups and idempotent updates). */
    public static final String ID = "id";
    /** Document id: not tokenized, for filtering. */
    public static final String DOCUMENT_ID = "documentId";
    /** Document language ("it", "en"): not tokenized, for preferring passages in the question's language. */
    public static final String LANGUAGE = "language";
    /** Sentence text, analyzed with the analyzer of its document's language (see {@link FonteAnalyzers}). */
    public static final String TEXT = "text";
    /** The enclosing paragraph, analyzed like {@link #TEXT} and weighted lower: context for short sentences. */
    public static final String CONTEXT = "context";
    /** Dense embedding of the sentence for paraphrase matching; not stored. */
    public static final String VECTOR = "vector";

    private IndexFields() {
    }
}
