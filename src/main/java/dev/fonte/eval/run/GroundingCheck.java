package dev.fonte.eval.run;

import dev.fonte.answer.Answer;
import dev.fonte.answer.Citation;
import dev.fonte.answer.CitationChecker;
import dev.fonte.answer.Grounding;
import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import dev.fonte.retrieval.FonteAnalyzers;
import io.micronaut.core.annotation.Nullable;
import org.apache.lucene.analysis.Analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The grounding precision of an answer: how many of its sentences have their figures, names and content words in
 * the spans they cite (a citation's text, and its aligned original). The check is the one the answer chain holds a
 * language model's sentences to ({@link Grounding}), applied to the answer as served, whatever wrote it: the
 * embedded engine quotes its spans, so its figure is 1.0 by construction, and a provider's shows what got through.
 */
public final class GroundingCheck {

    private final Grounding grounding = new Grounding(Languages.standard(), 1.0);
    private final Function<String, Analyzer> queryAnalyzers;
    private final BiFunction<String, String, String> languageOf;
    private final BiFunction<String, String, Set<String>> subjectOf;

    /**
     * @param queryAnalyzers per language code, the analysis with the glossary's synonyms
     * @param languageOf     the language of a cited text, from its document id and the text
     * @param subjectOf      the names a document is about, from its id and title
     */
    public GroundingCheck(Function<String, Analyzer> queryAnalyzers, BiFunction<String, String, String> languageOf,
                          BiFunction<String, String, Set<String>> subjectOf) {
        this.queryAnalyzers = queryAnalyzers;
        this.languageOf = languageOf;
        this.subjectOf = subjectOf;
    }

    /**
     * Without the served corpus (a server at a URL): no glossary, a cited text's language told from its words, a
     * document's subject from its title.
     */
    public static GroundingCheck standalone() {
        return new GroundingCheck(FonteAnalyzers::shared,
                (documentId, text) -> Languages.standard().detect(text).code(),
                (documentId, title) -> Grounding.subject(title, List.of()));
    }

    /** How many sentences an answer has, and how many its citations support; null for a refusal. */
    @Nullable
    public GroundingScore score(Answer answer) {
        if (!answer.answered()) {
            return null;
        }
        Language language = Languages.standard().get(answer.language());
        Map<Integer, Citation> byNumber = answer.citations().stream()
                .collect(Collectors.toMap(Citation::n, c -> c, (a, b) -> a));
        int sentences = 0;
        int supported = 0;
        for (CitationChecker.Claim claim : CitationChecker.claims(answer.answer())) {
            sentences++;
            List<Grounding.Span> spans = new ArrayList<>();
            for (int n : claim.cited()) {
                Citation c = byNumber.get(n);
                if (c == null) {
                    continue;
                }
                Set<String> subject = subjectOf.apply(c.documentId(), c.title());
                spans.add(new Grounding.Span(c.text(), languageOf.apply(c.documentId(), c.text()), subject));
                if (c.original() != null) {
                    spans.add(new Grounding.Span(c.original().text(),
                            languageOf.apply(c.original().documentId(), c.original().text()), subject));
                }
            }
            if (!spans.isEmpty() && grounding.check(claim.text(), language, spans, queryAnalyzers).supported()) {
                supported++;
            }
        }
        return new GroundingScore(sentences, supported);
    }
}
