package dev.fonte.slack;

import java.util.regex.Pattern;

/** What Slack sends as message text, turned back into the question the user typed. */
final class SlackText {

    /** A user mention, {@code <@U123>} or {@code <@U123|name>}. */
    private static final Pattern MENTION = Pattern.compile("<@[UW][A-Z0-9]+(?:\\|[^>]*)?>");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    static final int MAX_QUESTION = 2000;

    private SlackText() {
    }

    /** Drops mentions, collapses spaces and undoes Slack's escaping of {@code & < >}. */
    static String question(String slackText) {
        if (slackText == null) {
            return "";
        }
        String text = MENTION.matcher(slackText).replaceAll(" ");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /**
     * A thread is one conversation of the answer service's memory. The workspace is part of the id: a channel shared
     * between workspaces (Slack Connect) has one id in all of them.
     */
    static String conversationId(String teamId, String channel, String threadTs) {
        return "slack:" + (teamId == null ? "-" : teamId) + ":" + channel + ":" + threadTs;
    }
}
