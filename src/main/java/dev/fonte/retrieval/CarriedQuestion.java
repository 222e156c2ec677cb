package dev.fonte.retrieval;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A question carried into another language by the bilingual lexicon, searched as structured query translation
 * (Pirkola's method): one group per word or phrase of the asker's, each the alternatives it can be in the other
 * language, and each group one term of the query. A group's one-word alternatives are one {@link SynonymQuery}, which
 * scores them as a single term with their statistics pooled; its phrases compete with it by their best
 * ({@link DisjunctionMaxQuery}). So a word with six translations weighs what a word with one does, where a flat bag
 * of every sense would count it six times.
 *
 * @param groups the alternatives of each word or phrase of the question, in its order
 */
public record CarriedQuestion(List<Set<String>> groups) {

    public CarriedQuestion {
        groups = List.copyOf(groups);
    }

    /** The question as a query on one field, each alternative analysed with {@code analyzer}; null when it has none. */
    public Query on(Analyzer analyzer, String field) {
        QueryBuilder parser = new QueryBuilder(analyzer);
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean any = false;
        for (Set<String> group : groups) {
            Set<Term> words = new LinkedHashSet<>();
            // alternatives the glossary expands alike are one query: their maximum is that query's score, and each
            // copy would be scored again for every sentence that matches it
            Set<Query> phrases = new LinkedHashSet<>();
            for (String alternative : group) {
                Query q = parser.createBooleanQuery(field, alternative, BooleanClause.Occur.SHOULD);
                if (q instanceof TermQuery t) {
                    words.add(t.getTerm());
                } else if (q instanceof SynonymQuery s) {
                    words.addAll(s.getTerms());
                } else if (q != null) {
                    phrases.add(q);
                }
            }
            List<Query> alternatives = new ArrayList<>();
            if (words.size() == 1) {
                alternatives.add(new TermQuery(words.iterator().next()));
            } else if (!words.isEmpty()) {
                SynonymQuery.Builder synonyms = new SynonymQuery.Builder(field);
                words.forEach(synonyms::addTerm);
                alternatives.add(synonyms.build());
            }
            alternatives.addAll(phrases);
            if (!alternatives.isEmpty()) {
                query.add(alternatives.size() == 1 ? alternatives.get(0) : new DisjunctionMaxQuery(alternatives, 0f),
                        BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        return any ? query.build() : null;
    }

    /** The alternatives of every group as one text, for searches that take a question as text. */
    public String text() {
        return String.join(" ", groups.stream().flatMap(Set::stream).toList());
    }
}
