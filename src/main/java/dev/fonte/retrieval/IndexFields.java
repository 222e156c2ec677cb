package dev.fonte.retrieval;

/**
 * Every Lucene field name, shared by the indexer and the searcher. One index holds the whole corpus: a Lucene
 * document per corpus document, per paragraph and per sentence (each marked by {@link #KIND}), and the dense vectors
 * of sentence texts and corpus words, found by the hash of the text they were computed from.
 */
public final class IndexFields {

    /** What a Lucene document stands for ({@link Kind}): not tokenized, for filtering. */
    public static final String KIND = "kind";
    /** Passage id of a paragraph or sentence: stored, not tokenized (exact lookups). */
    public static final String ID = "id";
    /** Document id, on every Lucene document of a corpus document: not tokenized (lookups, and deleting it whole). */
    public static final String DOCUMENT_ID = "documentId";
    /** A sentence's paragraph id: not tokenized, to list a paragraph's sentences. */
    public static final String PARAGRAPH_ID = "paragraphId";
    /** Document language ("it", "en", any code): not tokenized, for searching in the question's language. */
    public static final String LANGUAGE = "language";
    /** Sentence text, analyzed with the analyzer of its document's language ({@code text_it}, {@code text_en}, ...). */
    public static final String TEXT = "text";
    /** The enclosing paragraph, analyzed like {@link #TEXT} and weighted lower: context for short sentences. */
    public static final String CONTEXT = "context";
    /** A document's title and whole text, analyzed like {@link #TEXT}: which documents a question is about. */
    public static final String DOCUMENT_TEXT = "document";
    /** Stored text of a passage or document (not searched: the searched fields are per language). */
    public static final String BODY = "body";
    /** Stored character offsets and 1-based numbers of a passage. */
    public static final String START = "start";
    public static final String END = "end";
    public static final String PARAGRAPH = "paragraph";
    public static final String SENTENCE = "sentence";
    /** Stored document metadata. */
    public static final String TITLE = "title";
    public static final String SOURCE = "source";
    public static final String DATE = "date";
    public static final String TRANSLATION_OF = "translationOf";
    /** The model that wrote a machine translation (stored, and as doc values of its entry); absent otherwise. */
    public static final String TRANSLATED_BY = "translatedBy";
    public static final String ENTRY_TRANSLATED_BY = "entryTranslatedBy";
    /**
     * A document's original (its own id for an original), doc values of its entry: which languages a document is
     * also written in, without reading the documents.
     */
    public static final String ENTRY_ORIGINAL = "entryOriginal";
    /**
     * A document's id and language as doc values, on document entries only: the document list, without stored
     * fields.
     */
    public static final String ENTRY_ID = "entryId";
    public static final String ENTRY_LANGUAGE = "entryLanguage";
    /**
     * A document's file name (doc values): the document order, and what the next update compares the folder with.
     */
    public static final String FILE = "file";
    /** The hash of a document's file bytes (doc values): an unchanged file is not read again. */
    public static final String FILE_HASH = "fileHash";
    /**
     * The short forms a document defines for names ({@link Aliases}, as glossary lines), doc values of its entry: the
     * glossary of every question gets them, without the corpus being read again.
     */
    public static final String ALIASES = "aliases";
    /**
     * What a document writes ({@link dev.fonte.corpus.DocumentWords}), stored on its entry: its names (separated by
     * spaces), its paragraphs' names (a line per paragraph, names separated by spaces; {@link #WORDS_PARAGRAPHS} says
     * how many lines), its stems (a line each) and the words it writes in lower case (separated by spaces). A question
     * reads them instead of the document's whole text, and the first question after a start instead of every
     * sentence of the corpus.
     */
    public static final String WORDS_NAMES = "wordsNames";
    public static final String WORDS_PARAGRAPHS = "wordsParagraphs";
    public static final String WORDS_PARAGRAPH_NAMES = "wordsParagraphNames";
    public static final String WORDS_STEMS = "wordsStems";
    public static final String WORDS_LOWERCASE = "wordsLowercase";
    /**
     * A sentence's summary score (doc values, see {@link KeySentences}); only sentences that can be key facts have
     * it.
     */
    public static final String KEY_SCORE = "keyScore";
    /**
     * The hash of a text: on a sentence, of its text; on a vector or word, of the text its vector was computed from.
     * Not tokenized: the embedder finds a corpus text's vector by it.
     */
    public static final String HASH = "hash";
    /** The vector a sentence needs ({@link #vectorKey}), as doc values: which vectors are missing or orphaned. */
    public static final String NEEDS_VECTOR = "needsVector";
    /** The key of a vector document ({@link #vectorKey}), indexed and as doc values. */
    public static final String VECTOR_KEY = "vectorKey";
    /**
     * Dense embedding of a sentence text, searched by nearest neighbours (HNSW); not stored. One field per dimension
     * ({@link #vector(int)}): a model of another dimension writes its own, while the old one's are deleted.
     */
    public static final String VECTOR = "vector";
    /** Dense embedding of a corpus word (binary doc values): looked up, never searched. */
    public static final String WORD_VECTOR = "wordVector";

    /** What a Lucene document stands for. */
    public enum Kind {
        DOCUMENT, PARAGRAPH, SENTENCE, VECTOR, WORD;

        /** The value of {@link #KIND}. */
        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private IndexFields() {
    }

    /** The per-language field of a base name: {@code text_it}. */
    static String field(String base, String language) {
        return base + "_" + language;
    }

    /** The vector field of a model's dimension: {@code vector_384}. */
    static String vector(int dimension) {
        return VECTOR + "_" + dimension;
    }

    /** The key of a sentence text's vector in a language: sentences of two languages never share one. */
    static String vectorKey(String language, String hash) {
        return language + ":" + hash;
    }
}
