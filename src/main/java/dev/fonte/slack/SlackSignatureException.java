package dev.fonte.slack;

/** A request that does not prove it comes from Slack: missing header, stale timestamp or wrong signature. */
public class SlackSignatureException extends RuntimeException {

    public SlackSignatureException(String message) {
        super(message);
    }
}
