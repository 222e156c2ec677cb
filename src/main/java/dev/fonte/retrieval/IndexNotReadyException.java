package dev.fonte.retrieval;

/** The index is still being built (or its first build failed): the request should be retried later. */
public class IndexNotReadyException extends RuntimeException {

    public IndexNotReadyException(String message) {
        super(message);
    }
}
