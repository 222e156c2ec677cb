package dev.fonte.language;

/** A language pack that cannot be read: a missing file, a bad pattern, an unknown key. Fails the start, naming it. */
public class LanguagePackException extends RuntimeException {

    public LanguagePackException(String message) {
        super(message);
    }

    public LanguagePackException(String message, Throwable cause) {
        super(message, cause);
    }
}
