package dev.fonte.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.bolt.service.OAuthStateService;
import com.slack.api.bolt.service.builtin.oauth.OAuthV2AccessErrorHandler;
import com.slack.api.model.event.AppMentionEvent;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The Slack SDK client, the Bolt app that both transports (HTTP events and Socket Mode) run, and the bounded pool
 * that answers after Slack got its acknowledgement. Built when the server starts ({@link SlackStartup}), not at the
 * first request: the SDK's client, JSON and HTTP stack are hundreds of classes, and Slack gives a request 3 seconds.
 */
@Factory
class SlackFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SlackFactory.class);

    static final String EXECUTOR = "slack";
    /** Where Slack sends commands, events and installers' browsers: the paths the app's manifest names. */
    static final String APP_PATH = "/slack";
    static final String INSTALL_PATH = "/install";
    static final String CALLBACK_PATH = "/oauth/callback";

    @Singleton
    @Bean(preDestroy = "close")
    Slack slack(SlackConfiguration configuration) {
        SlackConfig config = new SlackConfig();
        // The SDK's rate-limit statistics call auth.test behind our back to learn the team id: not needed here.
        config.setStatsEnabled(false);
        if (configuration.apiUrl() != null) {
            config.setMethodsEndpointUrlPrefix(configuration.apiUrl());
        }
        return Slack.getInstance(config);
    }

    /** Never the event loop: answering may take seconds (retrieval, a model). Bounded threads and queue. */
    @Singleton
    @Named(EXECUTOR)
    @Bean(preDestroy = "shutdownNow")
    ExecutorService slackExecutor(SlackConfiguration configuration) {
        AtomicInteger count = new AtomicInteger();
        return new ThreadPoolExecutor(configuration.workers(), configuration.workers(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(configuration.queueCapacity()),
                runnable -> {
                    Thread thread = new Thread(runnable, "slack-answer-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * The Bolt app: {@code ssl_check} answered as Slack's SDKs do, then each command or event authorized with its own
     * workspace's token, then the listeners. Request signatures are checked by {@link SlackHttpController} over the
     * raw bytes before Bolt parses anything (Socket Mode needs none: the connection itself is authenticated). With
     * the install flow configured, Bolt's OAuth flow stores each workspace's bot through the shared store; its error
     * pages are replaced by exceptions that the HTTP edge turns into problem+json.
     */
    @Singleton
    @Bean(preDestroy = "stop")
    App slackApp(SlackConfiguration configuration, Slack slack, WorkspaceAuthorization authorization,
                 SlackListeners listeners, InstallationService installations, OAuthStateService states) {
        AppConfig config = AppConfig.builder()
                .slack(slack)
                .signingSecret(configuration.signingSecret())
                .singleTeamBotToken(null)
                .verificationToken(null)
                .clientId(configuration.clientId())
                .clientSecret(configuration.clientSecret())
                .redirectUri(configuration.redirectUri())
                .scope(configuration.scopes())
                .userScope(null)
                .appPath(APP_PATH)
                .oauthInstallPath(INSTALL_PATH)
                .oauthRedirectUriPath(CALLBACK_PATH)
                .oauthCompletionUrl(null)
                .oauthCancellationUrl(null)
                .requestVerificationEnabled(false)
                .ignoringSelfEventsEnabled(false)
                // anything else the app is sent (an event it was subscribed to but does not handle) is acknowledged:
                // a 404 would only make Slack retry it, and disable the subscription in the end
                .unmatchedRequestHandler(request -> Response.ok())
                .build();
        List<Middleware> middleware = new ArrayList<>(List.of(new SSLCheck(null), authorization));
        App app = new App(config, slack, middleware)
                .service(installations)
                .service(states)
                // an uninstalled workspace's stored token is forgotten
                .enableTokenRevocationHandlers();
        app.command(Pattern.compile("/.+"), listeners::command);
        app.event(AppMentionEvent.class, listeners::mention);
        if (configuration.installs()) {
            app.asOAuthApp(true)
                    .oauthCallbackStateError((request, response) -> {
                        throw new SlackInstallException("this install link was not issued here, was used already or "
                                + "has expired: start again from " + APP_PATH + INSTALL_PATH);
                    })
                    .oauthCallbackError((request, response) -> {
                        // Slack's error codes are short snake_case words; anything else is not repeated back
                        String error = request.getPayload().getError();
                        throw new SlackInstallException("Slack did not install the app: "
                                + (error.matches("[a-z_]{1,64}") ? error : "an error"));
                    })
                    .oauthCallbackAccessError((OAuthV2AccessErrorHandler) (request, response, access) -> {
                        throw new SlackInstallException("Slack did not accept the install code: " + access.getError());
                    })
                    .oauthCallbackException((request, response, e) -> {
                        if (e instanceof SlackInstallException install) {
                            throw install;
                        }
                        LOG.warn("Slack install could not be completed: {}", e.toString());
                        throw new SlackUnavailableException("the install could not be completed with Slack: "
                                + e.getMessage(), e);
                    });
        }
        return app.start();
    }
}
