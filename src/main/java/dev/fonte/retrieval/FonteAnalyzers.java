package dev.fonte.retrieval;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.util.ElisionFilter;

import java.io.Reader;
import java.util.Arrays;
import java.util.Locale;

/**
 * The analysis chains, one per language: decimal numbers written one way ({@link NumberCharFilter}), standard
 * tokenization, Italian elision ({@code l'intelligenza} -> {@code intelligenza}) or English possessives, lower case,
 * accent folding, the glossary's synonyms (query side only, so the index stays small and the glossary can change
 * without re-indexing), stop words and a light stemmer.
 */
public final class FonteAnalyzers {

    /** Italian articles and prepositions that elide, as in Lucene's ItalianAnalyzer. */
    private static final CharArraySet ITALIAN_ELISIONS = new CharArraySet(Arrays.asList(
            "c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl",
            "sugl", "un", "m", "t", "s", "v", "d", "quest", "quell", "po",
            // question words elided before "è"/"era": cos'è, com'era, dov'è, quant'è
            "cos", "com", "dov", "quant"), true);

    private FonteAnalyzers() {
    }

    /** The distinct terms an analyzer makes of a text (the analyzer stays open). */
    public static java.util.Set<String> terms(Analyzer analyzer, String text) {
        java.util.Set<String> out = new java.util.HashSet<>();
        try (TokenStream ts = analyzer.tokenStream("terms", text)) {
            org.apache.lucene.analysis.tokenattributes.CharTermAttribute term =
                    ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return out;
    }

    private static final java.util.Map<String, Analyzer> SHARED = new java.util.concurrent.ConcurrentHashMap<>();

    /** One index analyzer per language, shared (analyzers are thread-safe); never close it. */
    public static Analyzer shared(String language) {
        return SHARED.computeIfAbsent(language.toLowerCase(Locale.ROOT), FonteAnalyzers::index);
    }

    /** The analyzer for indexing a language's text. */
    public static Analyzer index(String language) {
        return new LanguageAnalyzer(language, null);
    }

    /** The analyzer for queries in a language: the index chain plus the glossary's synonyms. */
    public static Analyzer query(String language, SynonymMap synonyms) {
        return new LanguageAnalyzer(language, synonyms);
    }

    /** Tokenizes and normalises without stop words or stemming: how glossary entries are read. */
    public static Analyzer glossaryEntries() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                TokenStream ts = new ElisionFilter(source, ITALIAN_ELISIONS);
                ts = new LowerCaseFilter(ts);
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(ts));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return NumberCharFilter.wrap(reader);
            }
        };
    }

    private static final class LanguageAnalyzer extends Analyzer {
        private final boolean english;
        private final SynonymMap synonyms;

        LanguageAnalyzer(String language, SynonymMap synonyms) {
            this.english = "en".equals(language.toLowerCase(Locale.ROOT));
            this.synonyms = synonyms;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return NumberCharFilter.wrap(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream ts = english ? new EnglishPossessiveFilter(source) : new ElisionFilter(source, ITALIAN_ELISIONS);
            ts = new LowerCaseFilter(ts);
            ts = new ASCIIFoldingFilter(ts);
            if (synonyms != null && synonyms.fst != null) {
                ts = new SynonymGraphFilter(ts, synonyms, true);
            }
            if (english) {
                ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                ts = new PorterStemFilter(ts);
            } else {
                ts = new StopFilter(ts, ItalianAnalyzer.getDefaultStopSet());
                ts = new ItalianLightStemFilter(ts);
            }
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
