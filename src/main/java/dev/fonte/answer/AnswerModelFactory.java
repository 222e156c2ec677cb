package dev.fonte.answer;

import dev.fonte.answer.extractive.ExtractiveAnswerModel;
import dev.fonte.language.Languages;
import dev.fonte.language.Lexicon;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** Wires the embedded default model; provider models are wired beside it by configuration. */
@Factory
public class AnswerModelFactory {

    @Singleton
    ExtractiveAnswerModel extractiveAnswerModel(Languages languages, Lexicon lexicon, ExtractiveConfiguration config,
                                                AnswerWeights weights) {
        return new ExtractiveAnswerModel(languages, lexicon, config, weights);
    }
}
