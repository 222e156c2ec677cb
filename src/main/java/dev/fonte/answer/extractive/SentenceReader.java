package dev.fonte.answer.extractive;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.DocumentWords;
import dev.fonte.corpus.Passage;
import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import dev.fonte.retrieval.DocumentReading;
import dev.fonte.retrieval.FonteAnalyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads corpus sentences for the engine, each once: bounded caches per corpus version (held weakly, so a re-indexed
 * corpus starts afresh and an old one is not kept alive), keyed by passage and document id rather than by the objects
 * the index hands out, which its own small caches make anew; and per document the names it writes inside its
 * sentences and the stems of its title.
 */
final class SentenceReader {

    /**
     * What the engine keeps of a document.
     *
     * @param subjectStems the stems of its title and of the names it keeps coming back to: a sentence of it may leave
     *                     them implicit ("L'azienda ha...")
     * @param year         the year it speaks of: the latest its title writes, else its date's
     */
    record DocumentFacts(String language, Set<String> names, Set<String> titleStems, Set<String> subjectStems,
                         Set<String> stems, Integer year) {
    }

    private final Languages languages;
    private final long maximumSentences;
    /** Per corpus version: its sentences read, their stems alone (for sentences only read as context), documents. */
    private final Cache<Corpus, Version> versions = Caffeine.newBuilder().weakKeys().maximumSize(4).build();
    private final Map<String, FactFinder> finders = new ConcurrentHashMap<>();
    private final Map<String, ClauseSplitter> splitters = new ConcurrentHashMap<>();
    private final Cache<Corpus, CorpusWords> words = Caffeine.newBuilder().weakKeys().maximumSize(4).build();

    /**
     * How a corpus writes its words: those it writes in lower case somewhere, and those it writes capitalised inside
     * a sentence. A capitalised question word the corpus writes in lower case ("Paese") is a common noun; one it
     * writes capitalised ("Google") is a name, even when the glossary lists short forms of it.
     */
    record CorpusWords(Set<String> lowercase, Set<String> capitalised) {
    }

    private final double subjectShare;

    SentenceReader(Languages languages, long maximumSentences, double subjectShare) {
        this.languages = languages;
        this.subjectShare = subjectShare;
        this.maximumSentences = maximumSentences;
    }

    /** What is kept read of one version of the corpus, by passage and document id. */
    private record Version(Cache<String, ReadSentence> sentences, Cache<String, Set<String>> stems,
                           Cache<String, DocumentFacts> documents) {
    }

    private Version version(Corpus corpus) {
        return versions.get(corpus, c -> new Version(
                Caffeine.newBuilder().maximumSize(maximumSentences).build(),
                Caffeine.newBuilder().maximumSize(maximumSentences).build(),
                Caffeine.newBuilder().maximumSize(Math.max(16, maximumSentences / 20)).build()));
    }

    ReadSentence read(Passage sentence, Corpus corpus) {
        return version(corpus).sentences().get(sentence.id(), id -> read(sentence,
                corpus.document(sentence.documentId()).orElseThrow().language(),
                document(corpus, sentence.documentId())));
    }

    /**
     * The stems of a sentence, as {@link ReadSentence#stemSet()}: a sentence read only as another one's context needs
     * no facts or clauses.
     */
    Set<String> stemSet(Passage sentence, Corpus corpus) {
        Version version = version(corpus);
        ReadSentence read = version.sentences().getIfPresent(sentence.id());
        if (read != null) {
            return read.stemSet();
        }
        return version.stems().get(sentence.id(), id -> {
            String language = corpus.document(sentence.documentId()).orElseThrow().language();
            Set<String> stems = new HashSet<>();
            stems(FonteAnalyzers.shared(languages.get(language).code()), sentence.text())
                    .forEach(x -> stems.add(x.stem()));
            return Set.copyOf(stems);
        });
    }

    DocumentFacts document(Corpus corpus, String documentId) {
        return version(corpus).documents().get(documentId, id -> {
            Document d = corpus.document(id).orElseThrow();
            DocumentWords words = corpus.words(id).orElseGet(() -> read(corpus, d));
            Set<Integer> titleYears = Years.written(d.title());
            Analyzer analyzer = FonteAnalyzers.shared(d.language());
            Set<String> title = FonteAnalyzers.terms(analyzer, d.title());
            Set<String> subject = new java.util.HashSet<>(title);
            subject.addAll(FonteAnalyzers.terms(analyzer, String.join(" ", subjectNames(words.paragraphNames()))));
            return new DocumentFacts(d.language(), words.names(), title, Set.copyOf(subject), words.stems(),
                    titleYears.isEmpty() ? yearOf(d) : titleYears.stream().max(Integer::compare).orElseThrow());
        });
    }

    /** What a document writes, read from its text: for a corpus whose source does not keep it (not an index). */
    private static DocumentWords read(Corpus corpus, Document d) {
        List<Passage> paragraphs = corpus.paragraphs(d.id());
        Map<String, List<Passage>> sentences = new java.util.HashMap<>();
        paragraphs.forEach(p -> sentences.put(p.paragraphId(), corpus.sentencesOf(p)));
        return DocumentReading.of(d, paragraphs, sentences);
    }

    /** The names a document keeps coming back to: in at least the configured share of its paragraphs, and two. */
    private List<String> subjectNames(List<List<String>> paragraphNames) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        for (List<String> names : paragraphNames) {
            names.forEach(n -> counts.merge(n, 1, Integer::sum));
        }
        int needed = Math.max(2, (int) Math.ceil(paragraphNames.size() * subjectShare));
        return counts.entrySet().stream().filter(e -> e.getValue() >= needed).map(java.util.Map.Entry::getKey).toList();
    }

    /** The year of a document's date ({@code 2025-01-24}), when it has one. */
    private static Integer yearOf(Document d) {
        if (d.date() == null || d.date().length() < 4) {
            return null;
        }
        Set<Integer> years = Years.written(d.date().substring(0, 4));
        return years.isEmpty() ? null : years.iterator().next();
    }

    /**
     * How the corpus writes its words: the union of what its documents write, kept by an index for each document; a
     * document it does not keep (a corpus held in memory) has its sentences read.
     */
    CorpusWords words(Corpus corpus) {
        return words.get(corpus, c -> {
            Set<String> lower = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (String id : c.documentIds()) {
                Optional<DocumentWords> kept = c.words(id);
                if (kept.isPresent()) {
                    lower.addAll(kept.get().lowercase());
                    names.addAll(kept.get().names());
                } else {
                    List<String> texts = new ArrayList<>();
                    c.paragraphs(id).forEach(p -> c.sentencesOf(p).forEach(s -> texts.add(s.text())));
                    lower.addAll(CapitalisedWords.lowercaseWords(texts));
                    names.addAll(CapitalisedWords.namesInside(texts));
                }
            }
            return new CorpusWords(Set.copyOf(lower), Set.copyOf(names));
        });
    }

    Language language(String code) {
        return languages.get(code);
    }

    ClauseSplitter splitter(Language language) {
        return splitters.computeIfAbsent(language.code(), c -> new ClauseSplitter(language));
    }

    private ReadSentence read(Passage p, String code, DocumentFacts doc) {
        Language language = languages.get(code);
        String text = p.text();
        List<ReadSentence.Stem> stems = stems(FonteAnalyzers.shared(language.code()), text);
        Set<String> stemSet = new HashSet<>();
        stems.forEach(s -> stemSet.add(s.stem()));
        FactFinder finder = finders.computeIfAbsent(language.code(),
                c -> new FactFinder(language, language.functionWords()));
        ClauseSplitter splitter = splitter(language);
        List<int[]> relative = splitter.split(text, ClauseSplitter.Level.RELATIVE);
        List<Boolean> projecting = new ArrayList<>();
        relative.forEach(c -> projecting.add(language.projections().in(text.substring(c[0], c[1]))));
        projecting.add(language.projections().in(text));
        return new ReadSentence(p, language.code(), List.copyOf(stems), Set.copyOf(stemSet),
                finder.find(text, doc.names()),
                splitter.split(text, ClauseSplitter.Level.QUOTABLE), relative,
                splitter.split(text, ClauseSplitter.Level.SUBORDINATE), Years.in(text, language),
                List.copyOf(projecting));
    }

    static List<ReadSentence.Stem> stems(Analyzer analyzer, String text) {
        List<ReadSentence.Stem> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("s", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new ReadSentence.Stem(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory sentence failed", e);
        }
        return out;
    }
}
