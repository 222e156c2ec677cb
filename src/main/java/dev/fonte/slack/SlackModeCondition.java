package dev.fonte.slack;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/**
 * Registers an endpoint only in the mode that uses it, so that a Fonte without Slack (or in Socket Mode) exposes no
 * Slack request URL at all. Reads the same properties as {@link SlackConfiguration}, cleaned the same way, without
 * binding it: a malformed value is reported once, by {@link SlackStartup}.
 */
public final class SlackModeCondition {

    private SlackModeCondition() {
    }

    /** {@code /slack/events} and {@code /slack/commands}: HTTP events mode. */
    public static final class HttpEvents implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return decide(context).mode() == SlackMode.HTTP_EVENTS;
        }
    }

    /** {@code /slack/install} and {@code /slack/oauth/callback}: the install flow is configured and Slack is on. */
    public static final class Installs implements Condition {
        @Override
        public boolean matches(ConditionContext context) {
            return decide(context).mode() != SlackMode.OFF
                    && set(context, "client-id") && set(context, "client-secret");
        }
    }

    private static SlackMode.Decision decide(ConditionContext context) {
        return SlackMode.of(set(context, "signing-secret"), set(context, "bot-token"), set(context, "app-token"),
                set(context, "client-id") && set(context, "client-secret"));
    }

    private static boolean set(ConditionContext context, String name) {
        return context.getProperty(SlackConfiguration.PREFIX + "." + name, String.class)
                .map(SlackConfiguration::clean).isPresent();
    }
}
