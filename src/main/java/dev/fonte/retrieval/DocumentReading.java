package dev.fonte.retrieval;

import dev.fonte.answer.extractive.CapitalisedWords;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.DocumentWords;
import dev.fonte.corpus.Passage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what a document writes ({@link DocumentWords}) from its text and passages: once when it is indexed, or when a
 * question needs it of a corpus that does not keep it. Both go through here, so the two readings are equal.
 */
public final class DocumentReading {

    private DocumentReading() {
    }

    /**
     * @param paragraphs           the document's paragraphs, in the order its corpus lists them
     * @param sentencesByParagraph its sentences, by paragraph id, in text order
     */
    public static DocumentWords of(Document document, List<Passage> paragraphs,
                                   Map<String, List<Passage>> sentencesByParagraph) {
        List<String> sentences = new ArrayList<>();
        List<List<String>> paragraphNames = new ArrayList<>();
        for (Passage p : paragraphs) {
            sentencesByParagraph.getOrDefault(p.paragraphId(), List.of()).forEach(s -> sentences.add(s.text()));
            // counted in the order a set of them gives, as the reading of subject names always has
            paragraphNames.add(List.copyOf(new HashSet<>(CapitalisedWords.namesInside(List.of(p.text())))));
        }
        return new DocumentWords(Set.copyOf(CapitalisedWords.namesInside(sentences)), List.copyOf(paragraphNames),
                Set.copyOf(FonteAnalyzers.terms(FonteAnalyzers.shared(document.language()), document.text())),
                Set.copyOf(CapitalisedWords.lowercaseWords(sentences)));
    }
}
