package dev.fonte.slack;

/** A Slack setting that cannot work (a malformed token, half of a pair): the server does not start with it. */
public class SlackConfigurationException extends RuntimeException {

    public SlackConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
