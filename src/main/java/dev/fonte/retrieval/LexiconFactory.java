package dev.fonte.retrieval;

import dev.fonte.corpus.CorpusConfiguration;
import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bilingual lexicons: the shipped ones and those of the corpus folder, read once at start, their words compared
 * as each language's index analysis makes them (so an entry matches every form its stem covers).
 */
@Factory
public class LexiconFactory {

    @Singleton
    Lexicon lexicon(Languages languages, CorpusConfiguration corpus) {
        return Lexicon.load(languages, Path.of(corpus.path()), LexiconFactory::analysed, LexiconFactory::keyed);
    }

    /** The words of a text as the language's index analysis makes them: one per position, with its offsets. */
    public static List<Lexicon.Word> analysed(String text, String language) {
        return words(FonteAnalyzers.shared(language), text);
    }

    /** The words of a text as the language's lexicon analysis makes them (its stemmer may fold verbs too). */
    public static List<Lexicon.Word> keyed(String text, String language) {
        return words(FonteAnalyzers.lexicon(language), text);
    }

    private static List<Lexicon.Word> words(Analyzer analyzer, String text) {
        List<Lexicon.Word> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("lexicon", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (increment.getPositionIncrement() > 0 || out.isEmpty()) {
                    int end = Math.min(offset.endOffset(), text.length());
                    out.add(new Lexicon.Word(term.toString(), Math.min(offset.startOffset(), end), end));
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return out;
    }
}
