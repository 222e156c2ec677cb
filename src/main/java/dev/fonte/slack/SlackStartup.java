package dev.fonte.slack;

import dev.fonte.store.InMemoryStore;
import dev.fonte.store.SharedStore;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Slack app's start: its settings are checked (a malformed token stops the server with one line saying which
 * variable is wrong, instead of a 500 at the first Slack request), one INFO line says which mode is on and why, and
 * when Slack is on, the SDK client and the Bolt app are built and warmed now ({@link SlackWarmUp}) and Socket Mode
 * connects, so that the first reply after a start is as fast as any other.
 */
@Context
class SlackStartup {

    private static final Logger LOG = LoggerFactory.getLogger(SlackStartup.class);
    private static final Pattern VIOLATION = Pattern.compile(
            "(?m)^\\s*" + Pattern.quote(SlackConfiguration.class.getName()) + "\\.(\\w+) - (.+)$");

    private final SlackMode.Decision decision;

    SlackStartup(BeanProvider<SlackConfiguration> configurations, BeanProvider<SlackWarmUp> warmUp,
                 BeanProvider<SlackSocketMode> socketMode, SharedStore store) {
        SlackConfiguration configuration = check(configurations);
        this.decision = SlackMode.of(configuration);
        LOG.info(decision.line());
        if (decision.mode() == SlackMode.OFF) {
            return;
        }
        if (configuration.installs() && store instanceof InMemoryStore) {
            LOG.warn("Slack: workspaces installed through /slack/install are kept in this process only, lost on "
                    + "restart and unknown to other replicas: configure a shared store");
        }
        warmUp.get().run(decision.mode());
        if (decision.mode() == SlackMode.SOCKET_MODE) {
            socketMode.get().start();
        }
    }

    SlackMode mode() {
        return decision.mode();
    }

    private static SlackConfiguration check(BeanProvider<SlackConfiguration> configurations) {
        SlackConfiguration configuration;
        try {
            configuration = configurations.get();
        } catch (RuntimeException e) {
            throw refuse(problems(e), e);
        }
        if ((configuration.clientId() == null) != (configuration.clientSecret() == null)) {
            throw refuse("SLACK_CLIENT_ID and SLACK_CLIENT_SECRET go together (Slack: Basic Information, App "
                    + "Credentials), and only one of them is set", null);
        }
        return configuration;
    }

    private static SlackConfigurationException refuse(String problem, Throwable cause) {
        String line = "Slack settings cannot work, so the server does not start: " + problem
                + ". Fix the value, or unset it to run without Slack.";
        LOG.error(line);
        return new SlackConfigurationException(line, cause);
    }

    /**
     * Each violated constraint as "VARIABLE must ...", by the variable the README documents. Micronaut validates the
     * bound values before the record exists and reports them only as text ("SlackConfiguration.botToken - must
     * ..."), so the text is read; anything else is reported as Micronaut words it.
     */
    private static String problems(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            Matcher violation = VIOLATION.matcher(String.valueOf(t.getMessage()));
            List<String> found = new ArrayList<>();
            while (violation.find()) {
                found.add(variable(violation.group(1)) + " " + violation.group(2).strip());
            }
            if (!found.isEmpty()) {
                return String.join("; ", found);
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }

    private static String variable(String property) {
        return SlackConfiguration.VARIABLES.getOrDefault(property,
                SlackConfiguration.PREFIX + "." + property.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT));
    }
}
