package dev.fonte.retrieval;

import dev.fonte.corpus.Document;
import dev.fonte.corpus.DocumentWords;
import dev.fonte.corpus.Passage;
import dev.fonte.language.Languages;
import io.micronaut.core.annotation.Nullable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Pattern;

/**
 * How corpus documents, passages and vectors become Lucene documents ({@link IndexFields} says what each field is
 * for), and the writer configuration they are written with.
 */
final class IndexDocuments {

    /** What separates the words of {@link #words} (compiled once: it splits every sentence of the corpus). */
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]+");

    private IndexDocuments() {
    }

    /**
     * The Lucene documents of one corpus document, added together: the document itself, then its paragraphs and
     * sentences in text order (so the document order of a fresh index is the corpus order).
     *
     * @param passages the document's paragraphs and sentences, as the segmenter made them
     * @param file     the file it was read from, and the hash of that file's bytes
     */
    static List<List<IndexableField>> of(Document doc, List<Passage> passages, String file, String fileHash) {
        List<List<IndexableField>> out = new ArrayList<>();
        List<IndexableField> entry = document(doc, file, fileHash);
        out.add(entry);
        Map<String, Passage> paragraphs = new HashMap<>();
        List<Passage> sentences = new ArrayList<>();
        for (Passage p : passages) {
            if (p.kind() == Passage.Kind.PARAGRAPH) {
                paragraphs.put(p.id(), p);
                out.add(passage(p));
            } else {
                sentences.add(p);
            }
        }
        for (String alias : Aliases.of(sentences)) {
            entry.add(new SortedSetDocValuesField(IndexFields.ALIASES, new BytesRef(alias)));
        }
        words(entry, doc, passages);
        Map<String, Double> keyScores = KeySentences.scores(sentences, FonteAnalyzers.shared(doc.language()));
        for (Passage s : sentences) {
            Passage paragraph = paragraphs.get(s.paragraphId());
            out.add(sentence(doc.language(), s, paragraph == null ? s.text() : paragraph.text(),
                    keyScores.get(s.id())));
        }
        return out;
    }

    /** What the document writes, read once here, so that no question reads its whole text for it. */
    private static void words(List<IndexableField> entry, Document doc, List<Passage> passages) {
        List<Passage> paragraphs = new ArrayList<>();
        Map<String, List<Passage>> sentences = new HashMap<>();
        for (Passage p : passages) {
            if (p.kind() == Passage.Kind.PARAGRAPH) {
                paragraphs.add(p);
            } else {
                sentences.computeIfAbsent(p.paragraphId(), k -> new ArrayList<>()).add(p);
            }
        }
        // in the order the index lists them (IndexedCorpus sorts by number)
        paragraphs.sort(Comparator.comparingInt(Passage::paragraph));
        sentences.values().forEach(l -> l.sort(Comparator.comparingInt(Passage::sentence)));
        DocumentWords words = DocumentReading.of(doc, paragraphs, sentences);
        entry.add(new StoredField(IndexFields.WORDS_NAMES, String.join(" ", words.names())));
        entry.add(new StoredField(IndexFields.WORDS_PARAGRAPHS, words.paragraphNames().size()));
        entry.add(new StoredField(IndexFields.WORDS_PARAGRAPH_NAMES,
                String.join("\n", words.paragraphNames().stream().map(n -> String.join(" ", n)).toList())));
        entry.add(new StoredField(IndexFields.WORDS_STEMS, String.join("\n", words.stems())));
        entry.add(new StoredField(IndexFields.WORDS_LOWERCASE, String.join(" ", words.lowercase())));
    }

    private static List<IndexableField> document(Document doc, String file, String fileHash) {
        List<IndexableField> d = new ArrayList<>();
        d.add(new StringField(IndexFields.KIND, IndexFields.Kind.DOCUMENT.value(), Field.Store.NO));
        d.add(new StringField(IndexFields.DOCUMENT_ID, doc.id(), Field.Store.YES));
        d.add(new SortedDocValuesField(IndexFields.ENTRY_ID, new BytesRef(doc.id())));
        d.add(new SortedDocValuesField(IndexFields.FILE, new BytesRef(file)));
        d.add(new SortedDocValuesField(IndexFields.FILE_HASH, new BytesRef(fileHash)));
        d.add(new SortedDocValuesField(IndexFields.ENTRY_LANGUAGE, new BytesRef(doc.language())));
        d.add(new SortedDocValuesField(IndexFields.ENTRY_ORIGINAL,
                new BytesRef(doc.isTranslation() ? doc.translationOf() : doc.id())));
        if (doc.isMachineTranslation()) {
            d.add(new SortedDocValuesField(IndexFields.ENTRY_TRANSLATED_BY, new BytesRef(doc.translatedBy())));
        }
        d.add(new StringField(IndexFields.LANGUAGE, doc.language(), Field.Store.YES));
        d.add(new StoredField(IndexFields.TITLE, doc.title()));
        optional(d, IndexFields.SOURCE, doc.source());
        optional(d, IndexFields.DATE, doc.date());
        optional(d, IndexFields.TRANSLATION_OF, doc.translationOf());
        optional(d, IndexFields.TRANSLATED_BY, doc.translatedBy());
        d.add(new StoredField(IndexFields.BODY, doc.text()));
        d.add(new TextField(IndexFields.field(IndexFields.DOCUMENT_TEXT, doc.language()),
                doc.title() + "\n\n" + doc.text(), Field.Store.NO));
        return d;
    }

    private static void optional(List<IndexableField> d, String field, String value) {
        if (value != null) {
            d.add(new StoredField(field, value));
        }
    }

    private static List<IndexableField> passage(Passage p) {
        List<IndexableField> d = new ArrayList<>();
        d.add(new StringField(IndexFields.KIND, IndexFields.Kind.PARAGRAPH.value(), Field.Store.NO));
        d.add(new StringField(IndexFields.ID, p.id(), Field.Store.YES));
        d.add(new StringField(IndexFields.DOCUMENT_ID, p.documentId(), Field.Store.YES));
        d.add(new StoredField(IndexFields.PARAGRAPH, p.paragraph()));
        d.add(new StoredField(IndexFields.SENTENCE, p.sentence()));
        d.add(new StoredField(IndexFields.START, p.start()));
        d.add(new StoredField(IndexFields.END, p.end()));
        d.add(new StoredField(IndexFields.BODY, p.text()));
        return d;
    }

    private static List<IndexableField> sentence(String language, Passage s, String context, Double keyScore) {
        List<IndexableField> d = passage(s);
        d.set(0, new StringField(IndexFields.KIND, IndexFields.Kind.SENTENCE.value(), Field.Store.NO));
        d.add(new StringField(IndexFields.PARAGRAPH_ID, s.paragraphId(), Field.Store.NO));
        d.add(new StringField(IndexFields.LANGUAGE, language, Field.Store.NO));
        d.add(new TextField(IndexFields.field(IndexFields.TEXT, language), s.text(), Field.Store.NO));
        d.add(new TextField(IndexFields.field(IndexFields.CONTEXT, language), context, Field.Store.NO));
        String key = IndexFields.vectorKey(language, ContentHash.of(s.text()));
        d.add(new StringField(IndexFields.NEEDS_VECTOR, key, Field.Store.NO));
        d.add(new SortedDocValuesField(IndexFields.NEEDS_VECTOR, new BytesRef(key)));
        if (keyScore != null) {
            d.add(new DoubleDocValuesField(IndexFields.KEY_SCORE, keyScore));
        }
        return d;
    }

    /** The vector of a sentence text in a language, searched by nearest neighbours and looked up by its text. */
    static List<IndexableField> vector(String language, String text, float[] vector) {
        String hash = ContentHash.of(text);
        String key = IndexFields.vectorKey(language, hash);
        List<IndexableField> d = new ArrayList<>();
        d.add(new StringField(IndexFields.KIND, IndexFields.Kind.VECTOR.value(), Field.Store.NO));
        d.add(new StringField(IndexFields.HASH, hash, Field.Store.NO));
        d.add(new StringField(IndexFields.LANGUAGE, language, Field.Store.NO));
        d.add(new StringField(IndexFields.VECTOR_KEY, key, Field.Store.NO));
        d.add(new SortedDocValuesField(IndexFields.VECTOR_KEY, new BytesRef(key)));
        d.add(new KnnFloatVectorField(IndexFields.vector(vector.length), vector, VectorSimilarityFunction.DOT_PRODUCT));
        return d;
    }

    /** The vector of a corpus word: looked up by the word, never searched (no graph to build). */
    static List<IndexableField> word(String word, float[] vector) {
        List<IndexableField> d = new ArrayList<>();
        d.add(new StringField(IndexFields.KIND, IndexFields.Kind.WORD.value(), Field.Store.NO));
        d.add(new StringField(IndexFields.HASH, ContentHash.of(word), Field.Store.NO));
        d.add(new BinaryDocValuesField(IndexFields.WORD_VECTOR, new BytesRef(bytes(vector))));
        return d;
    }

    static byte[] bytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] floats(BytesRef bytes) {
        float[] v = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
        return v;
    }

    /**
     * The words of a text whose vectors the answer model compares with a question's words: lowercased runs of letters,
     * three or more.
     */
    static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String w : NOT_LETTERS.split(text.toLowerCase(Locale.ROOT))) {
            if (w.length() >= 3) {
                words.add(w);
            }
        }
        return words;
    }

    /** The writer configuration: each text field analyzed in its language, the vector graph tuned as configured. */
    static IndexWriterConfig writerConfig(int hnswM, int hnswBeamWidth, double ramBufferMb) {
        return writerConfig(hnswM, hnswBeamWidth, ramBufferMb, null);
    }

    /**
     * @param mergeExecutor where the nearest-neighbour graphs of merged segments are linked, on as many threads as it
     *                      has (null: on the merging thread alone). Merging segments links most of their vectors
     *                      into one graph again, which is most of a merge's time.
     */
    static IndexWriterConfig writerConfig(int hnswM, int hnswBeamWidth, double ramBufferMb,
                                          @Nullable ExecutorService mergeExecutor) {
        int workers = mergeExecutor instanceof ForkJoinPool pool ? pool.getParallelism()
                : mergeExecutor == null ? 1 : Runtime.getRuntime().availableProcessors();
        KnnVectorsFormat vectors = workers > 1
                ? new Lucene99HnswVectorsFormat(hnswM, hnswBeamWidth, workers, mergeExecutor)
                : new Lucene99HnswVectorsFormat(hnswM, hnswBeamWidth);
        IndexWriterConfig config = new IndexWriterConfig(new LanguageFieldAnalyzer());
        config.setCodec(new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        });
        config.setRAMBufferSizeMB(ramBufferMb);
        return config;
    }

    /** Picks each field's analyzer from the language suffix of its name: any language code works. */
    private static final class LanguageFieldAnalyzer extends DelegatingAnalyzerWrapper {

        LanguageFieldAnalyzer() {
            super(PER_FIELD_REUSE_STRATEGY);
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            int underscore = fieldName.lastIndexOf('_');
            // a field without a language suffix holds no language's text: the default language's analysis
            return FonteAnalyzers.shared(underscore < 0 ? Languages.standard().defaultLanguage().code()
                    : fieldName.substring(underscore + 1));
        }
    }
}
