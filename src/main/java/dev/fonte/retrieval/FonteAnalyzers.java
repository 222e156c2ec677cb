package dev.fonte.retrieval;

import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The analysis chains, one per language, as each language pack writes them ({@link Language#analysis()}): the index
 * chain, and the question chain that also meets the glossary's synonyms (query side only, so the index stays small
 * and the glossary can change without re-indexing). A code no pack has gets the default language's analysis.
 */
public final class FonteAnalyzers {

    /** Decimals written one way in glossary entries, as every pack's char filters write them ("1,3" = "1.3"). */
    private static final Pattern DECIMAL = Pattern.compile("(?<![\\d.,])(\\d{1,3}) ?[.,] ?(\\d{1,2})(?![\\d])");

    private static final Map<String, Analyzer> SHARED = new ConcurrentHashMap<>();
    private static final Map<String, Analyzer> SHARED_LEXICON = new ConcurrentHashMap<>();

    private FonteAnalyzers() {
    }

    /** The distinct terms an analyzer makes of a text (the analyzer stays open). */
    public static Set<String> terms(Analyzer analyzer, String text) {
        Set<String> out = new HashSet<>();
        try (TokenStream ts = analyzer.tokenStream("terms", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return out;
    }

    /** One index analyzer per language, shared (analyzers are thread-safe); never close it. */
    public static Analyzer shared(String language) {
        Language l = Languages.standard().get(language);
        return SHARED.computeIfAbsent(l.code(), code -> index(code));
    }

    /** One analyzer per language for the words of bilingual lexicon entries ({@link Language#analysis()}), shared. */
    public static Analyzer lexicon(String language) {
        Language l = Languages.standard().get(language);
        return SHARED_LEXICON.computeIfAbsent(l.code(), code -> l.analysis().lexiconAnalyzer(code));
    }

    /** The analyzer for indexing a language's text. */
    public static Analyzer index(String language) {
        Language l = Languages.standard().get(language);
        return l.analysis().analyzer(l.code(), null);
    }

    /** The analyzer for questions in a language: the index chain plus the glossary's synonyms. */
    public static Analyzer query(String language, SynonymMap synonyms) {
        Language l = Languages.standard().get(language);
        return l.analysis().analyzer(l.code(), synonyms);
    }

    /**
     * Tokenizes and normalises without stop words or stemming: how glossary entries are read, in whatever language
     * each entry is written.
     */
    public static Analyzer glossaryEntries() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new PatternReplaceCharFilter(DECIMAL, "$1_$2", reader);
            }
        };
    }
}
