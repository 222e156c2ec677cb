package dev.fonte.http;

/** A request the client must fix; answered 400 application/problem+json with this message as detail. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
