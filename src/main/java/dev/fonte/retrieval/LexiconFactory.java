package dev.fonte.retrieval;

import dev.fonte.corpus.CorpusConfiguration;
import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/** The bilingual lexicons: the shipped ones and those of the corpus folder, read once at start. */
@Factory
class LexiconFactory {

    @Singleton
    Lexicon lexicon(Languages languages, CorpusConfiguration corpus) {
        return Lexicon.load(languages, Path.of(corpus.path()));
    }
}
