package dev.fonte.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.auth.AuthTestResponse;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Which bot token answers in a workspace: the one stored when the workspace installed the app
 * ({@link InstallationService}), else {@code SLACK_BOT_TOKEN} when the workspace is that token's own. The token's
 * workspace is asked of Slack once ({@code auth.test}, done while the server starts); an event from any other
 * workspace has no token here, and is not answered with this one.
 */
@Singleton
class SlackWorkspaces {

    private static final Logger LOG = LoggerFactory.getLogger(SlackWorkspaces.class);

    private final InstallationService installations;
    private final Slack slack;
    private final String botToken;
    private final long retryMillis;
    private final Clock clock;
    private volatile String ownTeam;
    private long nextAskAt = Long.MIN_VALUE;

    @Inject
    SlackWorkspaces(InstallationService installations, Slack slack, SlackConfiguration configuration) {
        this(installations, slack, configuration, Clock.systemUTC());
    }

    SlackWorkspaces(InstallationService installations, Slack slack, SlackConfiguration configuration, Clock clock) {
        this.installations = installations;
        this.slack = slack;
        this.botToken = configuration.botToken();
        this.retryMillis = configuration.logInterval().toMillis();
        this.clock = clock;
    }

    /**
     * The bot token that answers in the workspace, or empty when Fonte is not installed there.
     *
     * @throws IOException when Slack could not be reached to learn the workspace of {@code SLACK_BOT_TOKEN}
     */
    Optional<String> botToken(String enterpriseId, String teamId) throws IOException {
        Bot bot = installations.findBot(enterpriseId, teamId);
        if (bot != null && bot.getBotAccessToken() != null) {
            return Optional.of(bot.getBotAccessToken());
        }
        if (botToken != null && teamId != null && teamId.equals(ownTeam())) {
            return Optional.of(botToken);
        }
        return Optional.empty();
    }

    /**
     * The workspace of {@code SLACK_BOT_TOKEN}, asked of Slack once; null without that token, or while Slack refuses
     * it (asked again after {@code fonte.slack.log-interval}, not at every event).
     */
    String ownTeam() throws IOException {
        String team = ownTeam;
        if (team != null || botToken == null) {
            return team;
        }
        synchronized (this) {
            if (ownTeam != null || clock.millis() < nextAskAt) {
                return ownTeam;
            }
            String refusal;
            try {
                AuthTestResponse me = slack.methods(botToken).authTest(request -> request);
                if (me.isOk() && me.getTeamId() != null) {
                    ownTeam = me.getTeamId();
                    LOG.info("Slack: SLACK_BOT_TOKEN is the bot @{} of workspace {} ({})", me.getUser(), me.getTeam(),
                            me.getTeamId());
                    return ownTeam;
                }
                refusal = me.getError();
            } catch (SlackApiException e) {
                refusal = e.getError() != null ? e.getError().getError() : "HTTP " + e.getResponse().code();
            }
            nextAskAt = clock.millis() + retryMillis;
            LOG.error("Slack refused SLACK_BOT_TOKEN ({}): nothing can be answered with it until it is replaced "
                    + "(Slack: OAuth & Permissions, Bot User OAuth Token)", refusal);
            return null;
        }
    }
}
