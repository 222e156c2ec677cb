package dev.fonte.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of the loaded corpus: documents, their paragraphs and sentences, and the alignment of
 * translations to their originals. Re-indexing builds a new snapshot; readers never see a half-built one.
 */
public final class Corpus {

    private final Map<String, Document> documents;
    private final Map<String, Passage> passages;
    private final Map<String, List<Passage>> sentencesByParagraph;
    private final Map<String, List<Passage>> paragraphsByDocument;
    private final Map<String, List<String>> topics = new java.util.concurrent.ConcurrentHashMap<>();

    public Corpus(List<Document> documents, List<Passage> passages) {
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
        this.documents = Collections.unmodifiableMap(docs);
        this.passages = Collections.unmodifiableMap(byId);
        sentences.replaceAll((k, v) -> List.copyOf(v));
        paragraphs.replaceAll((k, v) -> List.copyOf(v));
        this.sentencesByParagraph = Collections.unmodifiableMap(sentences);
        this.paragraphsByDocument = Collections.unmodifiableMap(paragraphs);
    }

    public static Corpus empty() {
        return new Corpus(List.of(), List.of());
    }

    /** This corpus and more documents (ids not yet used), split into passages as the loader splits its files. */
    public Corpus plus(List<Document> added) {
        if (added.isEmpty()) {
            return this;
        }
        List<Document> docs = new ArrayList<>(documents.values());
        List<Passage> all = new ArrayList<>(passages.values());
        for (Document d : added) {
            if (documents.containsKey(d.id())) {
                throw new IllegalArgumentException("the corpus already has a document " + d.id());
            }
            docs.add(d);
            all.addAll(Segmenter.segment(d.id(), d.language(), d.text()));
        }
        return new Corpus(docs, all);
    }

    public List<Document> documents() {
        return List.copyOf(documents.values());
    }

    public Optional<Document> document(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    public Optional<Passage> passage(String id) {
        return Optional.ofNullable(passages.get(id));
    }

    public boolean isEmpty() {
        return documents.isEmpty();
    }

    /** All sentence passages, in document order: the unit the index retrieves and answers cite. */
    public List<Passage> sentences() {
        return sentencesByParagraph.values().stream().flatMap(List::stream).toList();
    }

    public List<Passage> paragraphs(String documentId) {
        return paragraphsByDocument.getOrDefault(documentId, List.of());
    }

    public List<Passage> sentencesOf(Passage paragraph) {
        return sentencesByParagraph.getOrDefault(paragraph.paragraphId(), List.of());
    }

    /** The paragraph that contains a passage (itself, for a paragraph). */
    public Passage paragraphOf(Passage passage) {
        return passages.get(passage.paragraphId());
    }

    /**
     * The names a document keeps coming back to (in at least {@value #TOPIC_SHARE_PERCENT}% of its paragraphs, and
     * at least two): its subjects, which a sentence of it may leave implicit ("Zuckerberg announced...").
     */
    public List<String> topics(String documentId) {
        return topics.computeIfAbsent(documentId, id -> {
            List<Passage> paragraphs = paragraphs(id);
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (Passage p : paragraphs) {
                NAME.matcher(p.text()).results().map(java.util.regex.MatchResult::group).distinct()
                        .forEach(n -> counts.merge(n, 1, Integer::sum));
            }
            int needed = Math.max(2, (int) Math.ceil(paragraphs.size() * TOPIC_SHARE_PERCENT / 100.0));
            return counts.entrySet().stream().filter(e -> e.getValue() >= needed).map(Map.Entry::getKey).toList();
        });
    }

    private static final int TOPIC_SHARE_PERCENT = 30;
    /** A capitalised word that does not start a sentence. */
    private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("(?<=[^.!?:]\\s)\\p{Lu}\\p{L}+");

    /**
     * Whether a document is also written in a language, as itself, its original or a rendering of the same original
     * ("meta-ai-2025-it" is in English too: "meta-ai-2025-en" translates it).
     */
    public boolean writtenIn(String documentId, String language) {
        Document doc = documents.get(documentId);
        if (doc == null) {
            return false;
        }
        String original = doc.isTranslation() ? doc.translationOf() : doc.id();
        return documents.values().stream().anyMatch(d -> d.language().equals(language)
                && (d.id().equals(original) || original.equals(d.translationOf())));
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
        Document doc = documents.get(passage.documentId());
        if (doc == null || !doc.isTranslation()) {
            return Optional.empty();
        }
        Passage originalParagraph = passages.get(Passage.paragraphId(doc.translationOf(), passage.paragraph()));
        if (originalParagraph == null) {
            return Optional.empty();
        }
        if (passage.kind() == Passage.Kind.SENTENCE) {
            List<Passage> ours = sentencesByParagraph.getOrDefault(passage.paragraphId(), List.of());
            List<Passage> theirs = sentencesOf(originalParagraph);
            if (ours.size() == theirs.size() && passage.sentence() <= theirs.size()) {
                return Optional.of(theirs.get(passage.sentence() - 1));
            }
        }
        return Optional.of(originalParagraph);
    }
}
