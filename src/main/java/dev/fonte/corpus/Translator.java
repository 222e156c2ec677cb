package dev.fonte.corpus;

/**
 * Renders text written in one language into another, line for line: each line of the text is one line of the reply.
 * Implementations call a language model; ingestion keeps what they return, so the same text is translated once.
 */
public interface Translator {

    /**
     * @param from ISO 639-1 code of the text's language
     * @param to   ISO 639-1 code of the language wanted
     * @throws TranslationException when the model fails, times out or its reply cannot be a translation
     */
    String translate(String text, String from, String to);

    /** The model as shown beside its translations, e.g. {@code openai:gpt-4o-mini}. */
    String name();

    /**
     * Everything that makes another model's translation differ (provider, model name, server): part of the key under
     * which translations are kept, so a change of model never serves the old model's words as the new one's.
     */
    String identity();
}
