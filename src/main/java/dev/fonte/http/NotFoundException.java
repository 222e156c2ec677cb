package dev.fonte.http;

/** An id that names nothing; answered 404 application/problem+json. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
