package dev.fonte.retrieval;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The live (not deleted) Lucene documents with a term or matching a query, by index-wide number, in index order,
 * found without scoring anything: exact lookups by id or key.
 */
final class LiveDocs {

    private LiveDocs() {
    }

    /** At most {@code max} live documents with the term. */
    static List<Integer> withTerm(IndexReader reader, Term term, int max) {
        List<Integer> out = new ArrayList<>();
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
                if (postings == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        out.add(leaf.docBase + doc);
                        if (out.size() >= max) {
                            return out;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index lookup failed", e);
        }
        return out;
    }

    /** Every live document matching the query. */
    static List<Integer> matching(IndexSearcher searcher, Query query) {
        List<Integer> docs = new ArrayList<>();
        try {
            searcher.search(query, new SimpleCollector() {
                private int base;

                @Override
                protected void doSetNextReader(LeafReaderContext context) {
                    base = context.docBase;
                }

                @Override
                public void collect(int doc) {
                    docs.add(base + doc);
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("index search failed", e);
        }
        return docs;
    }
}
