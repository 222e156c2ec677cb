package dev.fonte.slack;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * Bolt middleware in place of its own authorization (which calls {@code auth.test} on the request path and answers
 * an unknown workspace with 401, which Slack retries): a command or event is answered with the bot token of its own
 * workspace ({@link SlackWorkspaces}), never another's. One from a workspace where Fonte is not installed is
 * acknowledged and dropped, logged (at most once per {@code fonte.slack.log-interval}) and counted
 * ({@code fonte_slack_events_ignored_total}); the asker of a command is told. When Slack cannot be reached to learn
 * the workspace of {@code SLACK_BOT_TOKEN}, an event is not acknowledged (503), so that Slack delivers it again.
 */
@Singleton
class WorkspaceAuthorization implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceAuthorization.class);
    /** Events about the installation itself: handled by Bolt's own handlers, with no bot token. */
    private static final Set<String> NO_TOKEN_EVENTS = Set.of(AppUninstalledEvent.TYPE_NAME,
            TokensRevokedEvent.TYPE_NAME);

    private final SlackWorkspaces workspaces;
    private final MeterRegistry meters;
    private final RepeatedWarning unknown;

    WorkspaceAuthorization(SlackWorkspaces workspaces, MeterRegistry meters, SlackConfiguration configuration) {
        this.workspaces = workspaces;
        this.meters = meters;
        this.unknown = new RepeatedWarning(LOG, configuration.logInterval(), Clock.systemUTC());
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        boolean command = req.getRequestType() == RequestType.Command;
        boolean event = req.getRequestType() == RequestType.Event
                && !NO_TOKEN_EVENTS.contains(((EventRequest) req).getEventType());
        if (!command && !event) {
            return chain.next(req);
        }
        Context context = req.getContext();
        Optional<String> botToken;
        try {
            botToken = workspaces.botToken(context.getEnterpriseId(), context.getTeamId());
        } catch (IOException e) {
            LOG.warn("Slack could not be reached to learn the workspace of SLACK_BOT_TOKEN: {}", e.toString());
            return command ? ackCommand(req, messages(req).busy()) : Response.builder().statusCode(503).build();
        }
        if (botToken.isPresent()) {
            context.setBotToken(botToken.get());
            return chain.next(req);
        }
        meters.counter("fonte.slack.events.ignored", "reason", "unknown_workspace").increment();
        unknown.warn("Slack {} from workspace {} ignored: Fonte is not installed there{}",
                command ? "command" : "event", context.getTeamId(),
                context.getEnterpriseId() == null ? "" : " (organization " + context.getEnterpriseId() + ")");
        return command ? ackCommand(req, messages(req).notInstalled()) : Response.ok();
    }

    private static SlackMessages messages(Request<?> command) {
        return SlackMessages.forQuestion(((SlashCommandRequest) command).getPayload().getText());
    }

    private static Response ackCommand(Request<?> req, String text) {
        return ((SlashCommandRequest) req).getContext().ack(response -> response.responseType("ephemeral").text(text));
    }
}
