package dev.fonte.answer.extractive;

import dev.fonte.answer.AnswerRequest;
import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.corpus.Segmenter;
import dev.fonte.language.Languages;
import dev.fonte.retrieval.PassageIndex;
import dev.fonte.retrieval.ScoredPassage;
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

    /** The sentences that pass the engine's hard checks for a question, every sentence being a source. */
    static List<String> eligible(ExtractiveAnswerModel model, PassageIndex index, String question) {
        List<AnswerRequest.Source> sources = new ArrayList<>();
        for (Passage p : index.corpus().sentences()) {
            sources.add(new AnswerRequest.Source(sources.size() + 1, new ScoredPassage(p, 1.0),
                    index.corpus().document(p.documentId()).orElseThrow(), p.text()));
        }
        AnswerRequest request = new AnswerRequest(AnswerRequest.Task.ANSWER, question, question,
                Languages.standard().detect(question), sources, List.of(), index);
        return model.weigh(request).stream().filter(ExtractiveAnswerModel.Weighed::eligible)
                .map(ExtractiveAnswerModel.Weighed::text).toList();
    }
}
