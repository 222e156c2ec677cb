package dev.fonte.slack;

/** A correctly signed request whose body is not a well-formed Slack event or command: nothing was done with it. */
public class SlackRequestException extends RuntimeException {

    public SlackRequestException(String message) {
        super(message);
    }
}
