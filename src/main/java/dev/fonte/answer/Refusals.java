package dev.fonte.answer;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.language.Language;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What Fonte says, in the asker's language (its pack's texts), when the documents do not support an answer: what is
 * missing when that is known, never a claim the corpus contradicts, and the nearest documents by relevance ("the
 * article" only when there is one).
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * @param refusal   why the model did not answer
     * @param sources   the candidate passages, most relevant first: their documents are the nearest, those of the
     *                  sources the refusal names nearest first
     * @param maxTitles most documents named
     */
    public static String message(Language language, Draft.Refusal refusal, Corpus corpus,
                                 List<AnswerRequest.Source> sources, int maxTitles) {
        Language.Refusals texts = language.refusals();
        // ids, not documents: a refusal must not read the texts of a large corpus
        List<String> originals = corpus.originalIds();
        if (originals.isEmpty()) {
            return texts.empty();
        }
        Language.RefusalTexts t = texts.texts(originals.size() == 1);
        String said;
        if (refusal.missing() != null && texts.facts().containsKey(refusal.missing())) {
            said = t.notSaidFact().replace("{fact}", texts.facts().get(refusal.missing()));
        } else if (!refusal.unknown().isEmpty()) {
            said = t.nothingAbout().replace("{words}", String.join(", ", refusal.unknown().stream()
                    .map(w -> "\"" + w + "\"").toList()));
        } else {
            said = t.notSaid();
        }
        List<String> titles = nearest(language, corpus, byNearness(sources, refusal.nearest()), originals, maxTitles);
        return titles.isEmpty() ? said : said + " " + t.about().replace("{titles}", String.join("; ", titles));
    }

    /** The sources the model named nearest first, in its order, then the others in the retrieval's. */
    static List<AnswerRequest.Source> byNearness(List<AnswerRequest.Source> sources, List<Integer> nearest) {
        if (nearest.isEmpty()) {
            return sources;
        }
        List<AnswerRequest.Source> out = new ArrayList<>();
        for (int n : nearest) {
            sources.stream().filter(s -> s.n() == n).findFirst().ifPresent(out::add);
        }
        sources.stream().filter(s -> !out.contains(s)).forEach(out::add);
        return out;
    }

    /** The refusal of an order that is not a question about the documents ("ignore the rules", "write a poem"). */
    public static String instruction(Language language, Corpus corpus) {
        return corpus.originalIds().isEmpty() ? language.refusals().empty() : language.refusals().instruction();
    }

    /**
     * The titles of the documents nearest to the question: those of its candidate passages, by rank, one per
     * original (in the asker's language when a rendering is there); the only document when there is one.
     */
    static List<String> nearest(Language language, Corpus corpus, List<AnswerRequest.Source> sources,
                                List<String> originals, int maxTitles) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> titles = new ArrayList<>();
        List<Document> docs = new ArrayList<>();
        sources.forEach(s -> docs.add(s.document()));
        if (docs.isEmpty() && originals.size() == 1) {
            corpus.document(originals.get(0)).ifPresent(docs::add);
        }
        for (Document d : docs) {
            String original = d.isTranslation() ? d.translationOf() : d.id();
            if (titles.size() >= maxTitles || !seen.add(original)) {
                continue;
            }
            Document shown = d.language().equals(language.code()) ? d
                    : corpus.inLanguage(original, language.code()).flatMap(corpus::document).orElse(d);
            titles.add(shown.title());
        }
        return titles;
    }
}
