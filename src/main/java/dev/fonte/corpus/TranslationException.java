package dev.fonte.corpus;

/** A text the translator could not translate: the provider failed, timed out, or its reply is not a translation. */
public class TranslationException extends RuntimeException {

    public TranslationException(String message) {
        super(message);
    }

    public TranslationException(String message, Throwable cause) {
        super(message, cause);
    }
}
