package dev.fonte.store;

/** The shared store cannot be reached: the request that needs it is refused, to be retried later. */
public class SharedStoreException extends RuntimeException {

    public SharedStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
