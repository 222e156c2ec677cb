package dev.fonte.retrieval;

/** The index on disk cannot be trusted: a checksum does not match, a file is missing, or another build wrote it. */
public class DamagedIndexException extends RuntimeException {

    public DamagedIndexException(String message) {
        super(message);
    }

    public DamagedIndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
