package dev.fonte.answer.extractive;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.corpus.Segmenter;
import dev.fonte.retrieval.PassageIndex;
import org.apache.lucene.analysis.synonym.SynonymMap;

import java.util.ArrayList;
import java.util.List;

/** A few short documents written for a test, segmented and indexed as the application does a corpus. */
final class TestCorpus {

    private TestCorpus() {
    }

    static PassageIndex index(SynonymMap glossary, Document... documents) {
        List<Passage> passages = new ArrayList<>();
        for (Document d : documents) {
            passages.addAll(Segmenter.segment(d.id(), d.language(), d.text()));
        }
        return PassageIndex.build(new Corpus(List.of(documents), passages), glossary, 0.3);
    }
}
