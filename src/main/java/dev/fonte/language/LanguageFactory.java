package dev.fonte.language;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The registered languages as a bean: read once, shared by ingestion, retrieval and the answer engine. */
@Factory
class LanguageFactory {

    @Singleton
    Languages languages() {
        return Languages.standard();
    }
}
