package dev.fonte.http;

import io.micronaut.serde.exceptions.SerdeException;

/**
 * A request body that is JSON but not of the expected shape (a field of the wrong type). Thrown while the body is
 * read, so it reaches the client as a 400 whose detail is this message, free of the framework's wording around it.
 */
public class InvalidBodyException extends SerdeException {

    public InvalidBodyException(String message) {
        super(message);
    }
}
