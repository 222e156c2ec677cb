package dev.fonte.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.DocumentWords;
import dev.fonte.corpus.Passage;
import io.micronaut.core.annotation.Nullable;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A corpus read from the index: a document or passage is read from its stored fields when it is asked for, and kept
 * in small bounded caches, so that memory does not grow with the corpus. Only the document ids (in order) and the
 * languages are held, read once from doc values when the index is opened.
 */
final class IndexedCorpus implements Corpus.Source {

    /**
     * The entry of one document in the document list: its id, file and file hash, language, original (its own id for
     * an original) and, for a machine translation, the model that wrote it.
     */
    /** @param doc the index-wide number of the Lucene document holding the document (valid in its version) */
    record Entry(String id, String file, String fileHash, String language, String original,
                 @Nullable String translatedBy, int doc) {
    }

    private static final Set<String> DOCUMENT_FIELDS = Set.of(IndexFields.DOCUMENT_ID, IndexFields.TITLE,
            IndexFields.LANGUAGE, IndexFields.SOURCE, IndexFields.DATE, IndexFields.TRANSLATION_OF,
            IndexFields.TRANSLATED_BY, IndexFields.BODY);
    private static final Set<String> WORDS_FIELDS = Set.of(IndexFields.WORDS_NAMES, IndexFields.WORDS_PARAGRAPHS,
            IndexFields.WORDS_PARAGRAPH_NAMES, IndexFields.WORDS_STEMS, IndexFields.WORDS_LOWERCASE);
    private static final Set<String> PASSAGE_FIELDS = Set.of(IndexFields.ID, IndexFields.DOCUMENT_ID,
            IndexFields.PARAGRAPH, IndexFields.SENTENCE, IndexFields.START, IndexFields.END, IndexFields.BODY);

    private final IndexSearcher searcher;
    private final List<Entry> entries;
    private final List<String> ids;
    private final Map<String, Corpus.Lineage> lineages;
    /** Each document's Lucene document number: a document is read without a search. */
    private final Map<String, Integer> docNumbers;
    private final Set<String> languages;
    private final Cache<String, Optional<Document>> documents;
    private final Cache<String, Optional<Passage>> passages;
    /** Passages by Lucene document number (stable within this version): search hits are read without decompressing. */
    private final Cache<Integer, Passage> passagesAt;
    private final Cache<String, List<Passage>> paragraphs;
    private final Cache<String, List<Passage>> sentences;

    IndexedCorpus(IndexSearcher searcher, CacheSizes sizes) {
        this(searcher, sizes, false);
    }

    /** @param writtenOnly leave out the machine renderings: the corpus as its folder holds it */
    IndexedCorpus(IndexSearcher searcher, CacheSizes sizes, boolean writtenOnly) {
        this.searcher = searcher;
        this.entries = entries(searcher).stream().filter(e -> !writtenOnly || e.translatedBy() == null).toList();
        this.ids = entries.stream().map(Entry::id).toList();
        Map<String, Corpus.Lineage> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.id(), new Corpus.Lineage(e.language(), e.original())));
        this.lineages = Map.copyOf(byId);
        Map<String, Integer> numbers = new HashMap<>();
        entries.forEach(e -> numbers.put(e.id(), e.doc()));
        this.docNumbers = Map.copyOf(numbers);
        Set<String> langs = new LinkedHashSet<>();
        entries.forEach(e -> langs.add(e.language()));
        this.languages = Collections.unmodifiableSet(langs);
        this.documents = Caffeine.newBuilder().maximumWeight(sizes.documentChars())
                .weigher((String id, Optional<Document> d) -> d.map(x -> x.text().length() + 64).orElse(64))
                .build();
        this.passages = Caffeine.newBuilder().maximumSize(sizes.passages()).build();
        this.passagesAt = Caffeine.newBuilder().maximumSize(sizes.passages()).build();
        this.paragraphs = Caffeine.newBuilder().maximumSize(sizes.lists()).build();
        this.sentences = Caffeine.newBuilder().maximumSize(sizes.lists()).build();
    }

    /** How much of the corpus is kept in memory: characters of document text, passages, lists of passages. */
    record CacheSizes(long documentChars, long passages, long lists) {
    }

    /** Every live document's entry, in document order (by file name, as the corpus folder is read). */
    static List<Entry> entries(IndexSearcher searcher) {
        List<Entry> out = new ArrayList<>();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SortedDocValues ids = leaf.reader().getSortedDocValues(IndexFields.ENTRY_ID);
                SortedDocValues files = leaf.reader().getSortedDocValues(IndexFields.FILE);
                SortedDocValues hashes = leaf.reader().getSortedDocValues(IndexFields.FILE_HASH);
                SortedDocValues languages = leaf.reader().getSortedDocValues(IndexFields.ENTRY_LANGUAGE);
                SortedDocValues originals = leaf.reader().getSortedDocValues(IndexFields.ENTRY_ORIGINAL);
                SortedDocValues models = leaf.reader().getSortedDocValues(IndexFields.ENTRY_TRANSLATED_BY);
                if (ids == null || files == null || hashes == null || languages == null || originals == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = ids.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ids.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    files.advanceExact(doc);
                    hashes.advanceExact(doc);
                    languages.advanceExact(doc);
                    originals.advanceExact(doc);
                    String model = models != null && models.advanceExact(doc)
                            ? models.lookupOrd(models.ordValue()).utf8ToString() : null;
                    out.add(new Entry(ids.lookupOrd(ids.ordValue()).utf8ToString(),
                            files.lookupOrd(files.ordValue()).utf8ToString(),
                            hashes.lookupOrd(hashes.ordValue()).utf8ToString(),
                            languages.lookupOrd(languages.ordValue()).utf8ToString(),
                            originals.lookupOrd(originals.ordValue()).utf8ToString(), model, leaf.docBase + doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the document list of the index", e);
        }
        out.sort(Comparator.comparing(Entry::file).thenComparing(Entry::id));
        return List.copyOf(out);
    }

    /** The short forms the live documents define for names, as glossary lines, each once. */
    static List<String> aliases(IndexSearcher searcher) {
        Set<String> lines = new LinkedHashSet<>();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                SortedSetDocValues values = leaf.reader().getSortedSetDocValues(IndexFields.ALIASES);
                if (values == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    for (int i = 0; i < values.docValueCount(); i++) {
                        lines.add(values.lookupOrd(values.nextOrd()).utf8ToString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the aliases of the index", e);
        }
        return List.copyOf(lines);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The languages of the documents, in document order of first appearance. */
    Set<String> languages() {
        return languages;
    }

    @Override
    public List<String> documentIds() {
        return ids;
    }

    @Override
    public Optional<Document> document(String id) {
        if (!lineages.containsKey(id)) {
            return Optional.empty();
        }
        return documents.get(id, key -> Optional.ofNullable(docNumbers.get(key))
                .map(doc -> toDocument(stored(doc, DOCUMENT_FIELDS))));
    }

    /** What a document writes, read at indexing and stored on its entry: its text is not read for it. */
    @Override
    public Optional<DocumentWords> words(String documentId) {
        Integer doc = docNumbers.get(documentId);
        if (doc == null) {
            return Optional.empty();
        }
        Map<String, Object> d = stored(doc, WORDS_FIELDS);
        if (!d.keySet().containsAll(WORDS_FIELDS)) {
            return Optional.empty();
        }
        int count = (Integer) d.get(IndexFields.WORDS_PARAGRAPHS);
        List<List<String>> paragraphNames = new ArrayList<>(count);
        if (count > 0) {
            for (String line : text(d, IndexFields.WORDS_PARAGRAPH_NAMES).split("\n", -1)) {
                paragraphNames.add(split(line, " "));
            }
        }
        return Optional.of(new DocumentWords(Set.copyOf(split(text(d, IndexFields.WORDS_NAMES), " ")),
                List.copyOf(paragraphNames), Set.copyOf(split(text(d, IndexFields.WORDS_STEMS), "\n")),
                Set.copyOf(split(text(d, IndexFields.WORDS_LOWERCASE), " "))));
    }

    /** The parts of a stored list (a one-character separator, split without a pattern). */
    private static List<String> split(String joined, String separator) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(separator, -1));
    }

    @Override
    public Optional<Corpus.Lineage> lineage(String id) {
        return Optional.ofNullable(lineages.get(id));
    }

    @Override
    public Optional<Passage> passage(String id) {
        Optional<Passage> known = passages.getIfPresent(id);
        if (known != null) {
            return known;
        }
        Optional<Passage> found = firstLive(new Term(IndexFields.ID, id)).map(this::passageAt);
        if (found.isEmpty()) {
            passages.put(id, found);
        }
        return found;
    }

    /** The passage stored in a Lucene document (by its index-wide number), kept for the next time. */
    Passage passageAt(int doc) {
        return passagesAt.get(doc, d -> {
            Passage p = toPassage(stored(d, PASSAGE_FIELDS));
            passages.put(p.id(), Optional.of(p));
            return p;
        });
    }

    @Override
    public List<Passage> paragraphs(String documentId) {
        return paragraphs.get(documentId, this::readPassages);
    }

    /**
     * A document's paragraphs, read in one pass with all its sentences (they are stored side by side, and what reads
     * a document's paragraphs reads their sentences next), whose lists are kept for {@link #sentences}.
     */
    private List<Passage> readPassages(String documentId) {
        Query kinds = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.Kind.PARAGRAPH.value())),
                        BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(IndexFields.KIND, IndexFields.Kind.SENTENCE.value())),
                        BooleanClause.Occur.SHOULD)
                .build();
        Query query = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(IndexFields.DOCUMENT_ID, documentId)), BooleanClause.Occur.FILTER)
                .add(kinds, BooleanClause.Occur.FILTER)
                .build();
        List<Passage> paragraphList = new ArrayList<>();
        Map<String, List<Passage>> byParagraph = new LinkedHashMap<>();
        for (Passage p : passagesAt(LiveDocs.matching(searcher, query))) {
            if (p.kind() == Passage.Kind.PARAGRAPH) {
                paragraphList.add(p);
                byParagraph.computeIfAbsent(p.paragraphId(), k -> new ArrayList<>());
            } else {
                byParagraph.computeIfAbsent(p.paragraphId(), k -> new ArrayList<>()).add(p);
            }
        }
        byParagraph.forEach((id, list) -> sentences.put(id, sorted(list)));
        return sorted(paragraphList);
    }

    private static List<Passage> sorted(List<Passage> passages) {
        List<Passage> out = new ArrayList<>(passages);
        out.sort(Comparator.comparingInt(Passage::paragraph).thenComparingInt(Passage::sentence));
        return List.copyOf(out);
    }

    @Override
    public List<Passage> sentences(String paragraphId) {
        return sentences.get(paragraphId, key -> list(new TermQuery(new Term(IndexFields.PARAGRAPH_ID, key))));
    }

    void clear() {
        documents.invalidateAll();
        passages.invalidateAll();
        passagesAt.invalidateAll();
        paragraphs.invalidateAll();
        sentences.invalidateAll();
    }

    private List<Passage> list(Query query) {
        return sorted(passagesAt(LiveDocs.matching(searcher, query)));
    }

    /**
     * The passages of Lucene documents (index-wide numbers, in index order), those not kept read with one reader of
     * stored fields: documents stored side by side are then read without decoding their block's header each time.
     */
    private List<Passage> passagesAt(List<Integer> docs) {
        List<Passage> out = new ArrayList<>(docs.size());
        StoredFields fields = null;
        for (int doc : docs) {
            Passage known = passagesAt.getIfPresent(doc);
            if (known == null) {
                if (fields == null) {
                    fields = storedFields();
                }
                StoredFields reader = fields;
                known = passagesAt.get(doc, d -> {
                    Passage p = toPassage(stored(reader, d, PASSAGE_FIELDS));
                    passages.put(p.id(), Optional.of(p));
                    return p;
                });
            }
            out.add(known);
        }
        return out;
    }

    private StoredFields storedFields() {
        try {
            return searcher.storedFields();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the stored documents of the index", e);
        }
    }

    private Optional<Integer> firstLive(Term term) {
        return LiveDocs.withTerm(searcher.getIndexReader(), term, 1).stream().findFirst();
    }

    /** The stored values of a Lucene document (by index-wide number), only the fields asked for. */
    private Map<String, Object> stored(int doc, Set<String> fields) {
        return stored(storedFields(), doc, fields);
    }

    private static Map<String, Object> stored(StoredFields reader, int doc, Set<String> fields) {
        Map<String, Object> values = new HashMap<>();
        try {
            reader.document(doc, new StoredFieldVisitor() {
                @Override
                public Status needsField(FieldInfo field) {
                    return fields.contains(field.name) ? Status.YES : Status.NO;
                }

                @Override
                public void stringField(FieldInfo field, String value) {
                    values.put(field.name, value);
                }

                @Override
                public void intField(FieldInfo field, int value) {
                    values.put(field.name, value);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a stored document of the index", e);
        }
        return values;
    }

    private static Document toDocument(Map<String, Object> d) {
        return new Document(text(d, IndexFields.DOCUMENT_ID), text(d, IndexFields.TITLE), text(d, IndexFields.LANGUAGE),
                text(d, IndexFields.SOURCE), text(d, IndexFields.DATE), text(d, IndexFields.TRANSLATION_OF),
                text(d, IndexFields.BODY), text(d, IndexFields.TRANSLATED_BY));
    }

    private static Passage toPassage(Map<String, Object> d) {
        int sentence = (Integer) d.get(IndexFields.SENTENCE);
        return new Passage(text(d, IndexFields.ID), text(d, IndexFields.DOCUMENT_ID),
                sentence == 0 ? Passage.Kind.PARAGRAPH : Passage.Kind.SENTENCE, (Integer) d.get(IndexFields.PARAGRAPH),
                sentence, (Integer) d.get(IndexFields.START), (Integer) d.get(IndexFields.END),
                text(d, IndexFields.BODY));
    }

    private static String text(Map<String, Object> d, String field) {
        return (String) d.get(field);
    }
}
