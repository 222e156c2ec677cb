package dev.fonte.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Socket Mode: Fonte opens a WebSocket to Slack ({@code apps.connections.open} with {@code SLACK_APP_TOKEN}, over
 * Java-WebSocket) and Bolt's {@link SocketModeApp} runs the same app on the envelopes that come over it,
 * acknowledging each on the socket. Slack's SDK keeps the session: it checks the connection every 5 seconds, opens a
 * new one when it dropped, and follows Slack's own {@code disconnect} requests. Until the first connection is made
 * (Slack unreachable at start, a refused token), it is tried again with growing pauses, up to
 * {@code fonte.slack.log-interval}.
 */
@Singleton
class SlackSocketMode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlackSocketMode.class);

    private final App app;
    private final String appToken;
    private final Duration firstPause;
    private final Duration longestPause;
    private volatile boolean closed;
    private volatile SocketModeApp socketApp;
    private Thread connector;

    SlackSocketMode(App app, SlackConfiguration configuration) {
        this.app = app;
        this.appToken = configuration.appToken();
        this.firstPause = configuration.retryBackoff();
        this.longestPause = configuration.logInterval();
    }

    /** Connects in the background: the server does not wait for Slack to start. */
    synchronized void start() {
        if (connector == null) {
            connector = new Thread(this::connect, "slack-socket-mode-connect");
            connector.setDaemon(true);
            connector.start();
        }
    }

    private void connect() {
        Duration pause = firstPause;
        while (!closed) {
            SocketModeApp opening = null;
            try {
                opening = new SocketModeApp(appToken, SocketModeClient.Backend.JavaWebSocket, app);
                opening.startAsync();
                opening.getClient().addWebSocketCloseListener((code, reason) -> {
                    if (!closed) {
                        LOG.warn("Slack Socket Mode connection closed ({} {}): a new one is opened", code, reason);
                    }
                });
                synchronized (this) {
                    if (closed) {
                        // the server stopped while this session was opening: nobody would ever close it
                        stop(opening);
                        return;
                    }
                    socketApp = opening;
                }
                LOG.info("Slack: Socket Mode session opened");
                return;
            } catch (Exception e) {
                if (closed) {
                    return;
                }
                LOG.warn("Slack Socket Mode could not connect ({}): trying again in {} s", e.toString(),
                        pause.toSeconds());
                quietly(opening);
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(longestPause) > 0 ? longestPause : pause.multipliedBy(2);
            }
        }
    }

    private static void quietly(SocketModeApp failed) {
        if (failed != null) {
            try {
                stop(failed);
            } catch (Exception e) {
                LOG.debug("closing a failed Socket Mode client: {}", e.toString());
            }
        }
    }

    @PreDestroy
    @Override
    public synchronized void close() throws Exception {
        closed = true;
        if (connector != null) {
            connector.interrupt();
        }
        SocketModeApp open = socketApp;
        if (open != null) {
            stop(open);
        }
    }

    /** Stops a session for good: the SDK reconnects a closed one on its own, from its session monitor, unless told. */
    private static void stop(SocketModeApp session) throws Exception {
        SocketModeClient client = session.getClient();
        if (client != null) {
            client.setAutoReconnectEnabled(false);
            client.setAutoReconnectOnCloseEnabled(false);
            client.setSessionMonitorEnabled(false);
        }
        session.stop();
        if (client != null) {
            client.close();
        }
    }
}
