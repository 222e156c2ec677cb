package dev.fonte.eval.target;

/** No answer could be obtained from the target; the turn fails with this message. */
public class TargetException extends Exception {

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }
}
