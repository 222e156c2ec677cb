package dev.fonte.slack;

import java.util.ArrayList;
import java.util.List;

/** How Slack reaches Fonte: signed HTTP requests, Slack's WebSocket (Socket Mode), or not at all. */
public enum SlackMode {

    /** Slack posts events and commands to {@code /slack/events} and {@code /slack/commands}: a public HTTPS URL. */
    HTTP_EVENTS("HTTP events"),
    /** Fonte opens a WebSocket to Slack and receives the same events and commands over it: no public URL. */
    SOCKET_MODE("Socket Mode"),
    OFF("off");

    private final String label;

    SlackMode(String label) {
        this.label = label;
    }

    /** The mode and why, as the one start-up line says it. */
    public record Decision(SlackMode mode, String reason) {

        String line() {
            return "Slack: " + mode.label + " (" + reason + ")";
        }
    }

    static Decision of(SlackConfiguration c) {
        return of(c.signingSecret() != null, c.botToken() != null, c.appToken() != null, c.installs());
    }

    /**
     * The mode that the set secrets allow. Socket Mode wins over HTTP events when both could work: an app with Socket
     * Mode enabled receives nothing over HTTP.
     */
    static Decision of(boolean signingSecret, boolean botToken, boolean appToken, boolean installs) {
        boolean tokens = botToken || installs;
        if (appToken && tokens) {
            return new Decision(SOCKET_MODE, "SLACK_APP_TOKEN is set; " + workspaces(botToken, installs)
                    + (signingSecret ? "; SLACK_SIGNING_SECRET is not used in Socket Mode" : ""));
        }
        if (signingSecret && tokens) {
            return new Decision(HTTP_EVENTS, "SLACK_SIGNING_SECRET is set; " + workspaces(botToken, installs));
        }
        if (tokens) {
            return new Decision(OFF, "a token is set but neither SLACK_SIGNING_SECRET (HTTP events) nor "
                    + "SLACK_APP_TOKEN (Socket Mode) is, so Slack has no way in");
        }
        if (signingSecret || appToken) {
            return new Decision(OFF, (appToken ? "SLACK_APP_TOKEN" : "SLACK_SIGNING_SECRET") + " is set but no bot "
                    + "token: set SLACK_BOT_TOKEN for one workspace, or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET to be "
                    + "installed in several");
        }
        return new Decision(OFF, "no SLACK_* variable is set");
    }

    private static String workspaces(boolean botToken, boolean installs) {
        List<String> ways = new ArrayList<>();
        if (botToken) {
            ways.add("answers in the workspace of SLACK_BOT_TOKEN");
        }
        if (installs) {
            ways.add("answers in every workspace installed through /slack/install (SLACK_CLIENT_ID and "
                    + "SLACK_CLIENT_SECRET are set)");
        }
        return String.join(" and ", ways);
    }
}
