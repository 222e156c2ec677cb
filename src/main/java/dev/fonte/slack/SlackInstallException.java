package dev.fonte.slack;

/**
 * An install that cannot be completed because of what the browser brought back: a state this server did not issue
 * (or issued too long ago), Slack's own refusal ({@code ?error=access_denied}), or a code Slack does not accept.
 */
public class SlackInstallException extends RuntimeException {

    public SlackInstallException(String message) {
        super(message);
    }
}
