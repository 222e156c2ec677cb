package dev.fonte.slack;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

/**
 * The Slack app end to end, as Slack would use it: the server running, its Slack Web API pointed at a local
 * {@link FakeSlack}, a canned answer service, and {@link SlackWire} to send what Slack sends. Each test starts with no
 * recorded call and no recorded question.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SlackEndToEndTest implements TestPropertyProvider {

    protected final FakeSlack slack = FakeSlack.startLocally();

    @Inject
    EmbeddedServer server;
    @Inject
    CannedAnswers answers;
    @Inject
    JsonMapper json;

    protected SlackWire wire;

    /** The Slack settings of the test class; the fake's URL and the canned answers are added to them. */
    protected abstract Map<String, String> slackProperties();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> all = new HashMap<>(slackProperties());
        all.put("fonte.slack.api-url", slack.apiUrl());
        all.put(CannedAnswers.SWITCH, "true");
        return all;
    }

    @BeforeAll
    void connect() {
        wire = new SlackWire(server.getURI(), SlackWire.SECRET);
    }

    @BeforeEach
    void forgetCalls() {
        slack.reset();
        answers.reset();
    }

    @AfterAll
    void stopFakeSlack() {
        slack.close();
    }
}
