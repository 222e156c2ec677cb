package dev.fonte.retrieval;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.corpus.Segmenter;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny index built on purpose: each document is one short text in one language, named by what it tests. */
final class TinyIndex {

    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, String> languages = new LinkedHashMap<>();
    private final String language;

    private TinyIndex(String language) {
        this.language = language;
    }

    static TinyIndex italian() {
        return new TinyIndex("it");
    }

    TinyIndex doc(String id, String text) {
        return doc(id, language, text);
    }

    /** A document in another language than the index's own. */
    TinyIndex doc(String id, String documentLanguage, String text) {
        texts.put(id, text);
        languages.put(id, documentLanguage);
        return this;
    }

    PassageIndex build() {
        return build(Glossary.empty());
    }

    PassageIndex build(SynonymMap synonyms) {
        List<Document> documents = new ArrayList<>();
        List<Passage> passages = new ArrayList<>();
        texts.forEach((id, text) -> {
            documents.add(new Document(id, id, languages.get(id), null, null, null, text));
            passages.addAll(Segmenter.segment(id, languages.get(id), text));
        });
        return PassageIndex.build(new Corpus(documents, passages), synonyms, 0.3);
    }

    /** Document ids of the hits, best first. */
    static List<String> ranking(PassageIndex index, String query) {
        return index.searchLexical(query, "it", 10).stream().map(s -> s.passage().documentId()).toList();
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text_it", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
