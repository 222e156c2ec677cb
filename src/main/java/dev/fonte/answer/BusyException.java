package dev.fonte.answer;

/** Too many answers are being computed already: the question is refused at once rather than queued. */
public class BusyException extends RuntimeException {

    public BusyException(String message) {
        super(message);
    }
}
