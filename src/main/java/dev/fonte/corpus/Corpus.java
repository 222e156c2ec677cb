package dev.fonte.corpus;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * An immutable snapshot of the loaded corpus: documents, their paragraphs and sentences, and the alignment of
 * translations to their originals. Re-indexing builds a new snapshot; readers never see a half-built one.
 *
 * <p>What it holds comes from a {@link Source}: the lists given to the constructor, or an index on disk that reads a
 * document or a passage when it is asked for, so that a corpus of thousands of documents is not held in memory.
 */
public final class Corpus {

    /**
     * Where a corpus's documents and passages are read from. Lists are in document order, paragraphs and sentences in
     * text order; an unknown id gives an empty result.
     */
    public interface Source {

        /** Every document id, in document order. */
        List<String> documentIds();

        Optional<Document> document(String id);

        Optional<Passage> passage(String id);

        List<Passage> paragraphs(String documentId);

        /** The sentences of the paragraph with this id. */
        List<Passage> sentences(String paragraphId);

        /**
         * A document's language and the original it renders, without its text: a source that holds a large corpus
         * answers this from what it keeps of every document.
         */
        default Optional<Lineage> lineage(String id) {
            return document(id).map(Lineage::of);
        }

        /** What a document writes, when the source keeps it read (an index does); empty when it must be read. */
        default Optional<DocumentWords> words(String documentId) {
            return Optional.empty();
        }
    }

    /**
     * A document's language and its original's id (its own for an original).
     */
    public record Lineage(String language, String original) {
        static Lineage of(Document d) {
            return new Lineage(d.language(), d.isTranslation() ? d.translationOf() : d.id());
        }
    }

    private static final int TOPIC_SHARE_PERCENT = 30;
    /** Documents whose topics are kept computed. */
    private static final int TOPICS_KEPT = 1024;
    /** A capitalised word that does not start a sentence. */
    private static final Pattern NAME = Pattern.compile("(?<=[^.!?:]\\s)\\p{Lu}\\p{L}+");

    private final Source source;
    private final LoadingCache<String, List<String>> topics;
    /** The languages each original is written in (itself and its renderings), read once when first asked. */
    private volatile Map<String, Set<String>> languagesByOriginal;
    private volatile Families families;
    private final Map<String, Set<String>> answeredFrom = new ConcurrentHashMap<>();

    public Corpus(List<Document> documents, List<Passage> passages) {
        this(new InMemory(documents, passages));
    }

    private Corpus(Source source) {
        this.source = source;
        this.topics = Caffeine.newBuilder().maximumSize(TOPICS_KEPT).build(this::computeTopics);
    }

    /** A corpus read from {@code source} whenever it is asked something. */
    public static Corpus over(Source source) {
        return new Corpus(source);
    }

    public static Corpus empty() {
        return new Corpus(List.of(), List.of());
    }

    /** This corpus and more documents (ids not yet used), split into passages as the loader splits its files. */
    public Corpus plus(List<Document> added) {
        if (added.isEmpty()) {
            return this;
        }
        List<Passage> passages = new ArrayList<>();
        for (Document d : added) {
            if (source.document(d.id()).isPresent()) {
                throw new IllegalArgumentException("the corpus already has a document " + d.id());
            }
            passages.addAll(Segmenter.segment(d.id(), d.language(), d.text()));
        }
        return new Corpus(new Joined(source, new InMemory(added, passages)));
    }

    /** Every document with its text: reads the whole corpus, prefer {@link #documents(int, int)} on a large one. */
    public List<Document> documents() {
        return documents(0, Integer.MAX_VALUE);
    }

    /** The documents from position {@code offset} on (in document order), at most {@code limit} of them. */
    public List<Document> documents(int offset, int limit) {
        List<String> ids = source.documentIds();
        int from = Math.min(Math.max(0, offset), ids.size());
        int to = (int) Math.min(ids.size(), (long) from + Math.max(0, limit));
        List<Document> out = new ArrayList<>(to - from);
        for (String id : ids.subList(from, to)) {
            source.document(id).ifPresent(out::add);
        }
        return Collections.unmodifiableList(out);
    }

    /** How many documents there are. */
    /** Every document id, in document order. */
    public List<String> documentIds() {
        return source.documentIds();
    }

    public int size() {
        return source.documentIds().size();
    }

    public Optional<Document> document(String id) {
        return source.document(id);
    }

    public Optional<Passage> passage(String id) {
        return source.passage(id);
    }

    public boolean isEmpty() {
        return source.documentIds().isEmpty();
    }

    /** All sentence passages, in document order: the unit the index retrieves and answers cite. Reads everything. */
    public List<Passage> sentences() {
        List<Passage> out = new ArrayList<>();
        for (String id : source.documentIds()) {
            for (Passage paragraph : source.paragraphs(id)) {
                out.addAll(source.sentences(paragraph.id()));
            }
        }
        return out;
    }

    public List<Passage> paragraphs(String documentId) {
        return source.paragraphs(documentId);
    }

    public List<Passage> sentencesOf(Passage paragraph) {
        return source.sentences(paragraph.paragraphId());
    }

    /** What a document writes, when the corpus's source keeps it read; empty when it must be read from the text. */
    public Optional<DocumentWords> words(String documentId) {
        return source.words(documentId);
    }

    /** The paragraph that contains a passage (itself, for a paragraph). */
    public Passage paragraphOf(Passage passage) {
        return passage.kind() == Passage.Kind.PARAGRAPH ? passage : source.passage(passage.paragraphId()).orElse(null);
    }

    /**
     * The names a document keeps coming back to (in at least {@value #TOPIC_SHARE_PERCENT}% of its paragraphs, and
     * at least two): its subjects, which a sentence of it may leave implicit ("Zuckerberg announced...").
     */
    public List<String> topics(String documentId) {
        return topics.get(documentId);
    }

    private List<String> computeTopics(String documentId) {
        List<Passage> paragraphs = paragraphs(documentId);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Passage p : paragraphs) {
            NAME.matcher(p.text()).results().map(MatchResult::group).distinct()
                    .forEach(n -> counts.merge(n, 1, Integer::sum));
        }
        int needed = Math.max(2, (int) Math.ceil(paragraphs.size() * TOPIC_SHARE_PERCENT / 100.0));
        return counts.entrySet().stream().filter(e -> e.getValue() >= needed).map(Map.Entry::getKey).toList();
    }

    /**
     * Whether a document is also written in a language, as itself, its original or a rendering of the same original
     * ("meta-ai-2025-it" is in English too: "meta-ai-2025-en" translates it).
     */
    public boolean writtenIn(String documentId, String language) {
        return source.lineage(documentId)
                .map(l -> languagesByOriginal().getOrDefault(l.original(), Set.of()).contains(language))
                .orElse(false);
    }

    /** The ids of the original documents (not renderings), in document order, without reading their texts. */
    public List<String> originalIds() {
        return families().originals();
    }

    /** The document written in {@code language} among an original and its renderings, without reading texts. */
    public Optional<String> inLanguage(String original, String language) {
        return families().byOriginal().getOrDefault(original, List.of()).stream()
                .filter(id -> source.lineage(id).filter(l -> l.language().equals(language)).isPresent()).findFirst();
    }

    /**
     * The originals, and each original's documents (itself and its renderings), in document order: read once when
     * first asked, so that a refusal or a rendering's lookup does not go through every document's entry.
     */
    private record Families(List<String> originals, Map<String, List<String>> byOriginal) {
    }

    private Families families() {
        Families known = families;
        if (known == null) {
            List<String> originals = new ArrayList<>();
            Map<String, List<String>> byOriginal = new HashMap<>();
            for (String id : source.documentIds()) {
                source.lineage(id).ifPresent(l -> {
                    if (l.original().equals(id)) {
                        originals.add(id);
                    }
                    byOriginal.computeIfAbsent(l.original(), k -> new ArrayList<>()).add(id);
                });
            }
            known = new Families(List.copyOf(originals), byOriginal);
            families = known;
        }
        return known;
    }

    /**
     * The languages a question in {@code language} is answered from: its own, and those of the documents that have no
     * rendering in it.
     */
    public Set<String> answeredFrom(String language) {
        return answeredFrom.computeIfAbsent(language, asked -> {
            Set<String> out = new LinkedHashSet<>();
            out.add(asked);
            Map<String, Set<String>> byOriginal = languagesByOriginal();
            for (String id : source.documentIds()) {
                source.lineage(id).filter(l -> !byOriginal.getOrDefault(l.original(), Set.of()).contains(asked))
                        .ifPresent(l -> out.add(l.language()));
            }
            return Collections.unmodifiableSet(out);
        });
    }

    private Map<String, Set<String>> languagesByOriginal() {
        Map<String, Set<String>> known = languagesByOriginal;
        if (known == null) {
            Map<String, Set<String>> out = new HashMap<>();
            for (String id : source.documentIds()) {
                source.lineage(id).ifPresent(l -> out.computeIfAbsent(l.original(), k -> new HashSet<>())
                        .add(l.language()));
            }
            known = out;
            languagesByOriginal = known;
        }
        return known;
    }

    /** The paragraph of a document that contains the character offset, if any. */
    public Optional<Passage> paragraphAt(String documentId, int offset) {
        return paragraphs(documentId).stream().filter(p -> p.start() <= offset && offset < p.end()).findFirst();
    }

    /**
     * For a passage of a translation, the aligned passage of its original: the sentence with the same indices when
     * both paragraphs have as many sentences, else the whole aligned paragraph. Empty for an original.
     */
    public Optional<Passage> original(Passage passage) {
        Optional<Document> doc = source.document(passage.documentId());
        if (doc.isEmpty() || !doc.get().isTranslation()) {
            return Optional.empty();
        }
        Optional<Passage> originalParagraph =
                source.passage(Passage.paragraphId(doc.get().translationOf(), passage.paragraph()));
        if (originalParagraph.isEmpty()) {
            return Optional.empty();
        }
        if (passage.kind() == Passage.Kind.SENTENCE) {
            List<Passage> ours = source.sentences(passage.paragraphId());
            List<Passage> theirs = source.sentences(originalParagraph.get().id());
            if (ours.size() == theirs.size() && passage.sentence() <= theirs.size()) {
                return Optional.of(theirs.get(passage.sentence() - 1));
            }
        }
        return originalParagraph;
    }

    /** Two sources one after the other: documents of the second come after those of the first. */
    private static final class Joined implements Source {
        private final Source first;
        private final Source second;
        private final List<String> ids;

        Joined(Source first, Source second) {
            this.first = first;
            this.second = second;
            List<String> all = new ArrayList<>(first.documentIds());
            all.addAll(second.documentIds());
            this.ids = List.copyOf(all);
        }

        @Override
        public List<String> documentIds() {
            return ids;
        }

        @Override
        public Optional<Document> document(String id) {
            return first.document(id).or(() -> second.document(id));
        }

        @Override
        public Optional<Passage> passage(String id) {
            return first.passage(id).or(() -> second.passage(id));
        }

        @Override
        public List<Passage> paragraphs(String documentId) {
            List<Passage> out = first.paragraphs(documentId);
            return out.isEmpty() ? second.paragraphs(documentId) : out;
        }

        @Override
        public List<Passage> sentences(String paragraphId) {
            List<Passage> out = first.sentences(paragraphId);
            return out.isEmpty() ? second.sentences(paragraphId) : out;
        }

        @Override
        public Optional<Lineage> lineage(String id) {
            return first.lineage(id).or(() -> second.lineage(id));
        }

        @Override
        public Optional<DocumentWords> words(String documentId) {
            return first.words(documentId).or(() -> second.words(documentId));
        }
    }

    /** The documents and passages given to the constructor, held in maps. */
    private static final class InMemory implements Source {
        private final List<String> ids;
        private final Map<String, Document> documents;
        private final Map<String, Passage> passages;
        private final Map<String, List<Passage>> sentencesByParagraph;
        private final Map<String, List<Passage>> paragraphsByDocument;

        InMemory(List<Document> documents, List<Passage> passages) {
            Map<String, Document> docs = new LinkedHashMap<>();
            documents.forEach(d -> docs.put(d.id(), d));
            Map<String, Passage> byId = new LinkedHashMap<>();
            Map<String, List<Passage>> sentences = new LinkedHashMap<>();
            Map<String, List<Passage>> paragraphs = new LinkedHashMap<>();
            for (Passage p : passages) {
                byId.put(p.id(), p);
                if (p.kind() == Passage.Kind.SENTENCE) {
                    sentences.computeIfAbsent(p.paragraphId(), k -> new ArrayList<>()).add(p);
                } else {
                    paragraphs.computeIfAbsent(p.documentId(), k -> new ArrayList<>()).add(p);
                }
            }
            sentences.replaceAll((k, v) -> List.copyOf(v));
            paragraphs.replaceAll((k, v) -> List.copyOf(v));
            this.ids = List.copyOf(docs.keySet());
            this.documents = Collections.unmodifiableMap(docs);
            this.passages = Collections.unmodifiableMap(byId);
            this.sentencesByParagraph = Collections.unmodifiableMap(sentences);
            this.paragraphsByDocument = Collections.unmodifiableMap(paragraphs);
        }

        @Override
        public List<String> documentIds() {
            return ids;
        }

        @Override
        public Optional<Document> document(String id) {
            return Optional.ofNullable(documents.get(id));
        }

        @Override
        public Optional<Passage> passage(String id) {
            return Optional.ofNullable(passages.get(id));
        }

        @Override
        public List<Passage> paragraphs(String documentId) {
            return paragraphsByDocument.getOrDefault(documentId, List.of());
        }

        @Override
        public List<Passage> sentences(String paragraphId) {
            return sentencesByParagraph.getOrDefault(paragraphId, List.of());
        }
    }
}
