package dev.fonte.slack;

/** Slack could not be reached to do what a request needs (finishing an install); trying again later may work. */
public class SlackUnavailableException extends RuntimeException {

    public SlackUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
