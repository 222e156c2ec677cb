package dev.fonte.slack;

import dev.fonte.answer.Question;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.fonte.slack.SlackWire.SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several workspaces: the install flow ({@code /slack/install}, then Slack sends the browser back to
 * {@code /slack/oauth/callback} with a code and the state) stores each workspace's bot token, and a mention is
 * answered with the token of its own workspace; a forged or replayed state installs nothing.
 */
@MicronautTest
class SlackInstallTest extends SlackEndToEndTest {

    static final String CLIENT_ID = "1234567890.9876543210";
    static final String CLIENT_SECRET = "0123456789abcdef0123456789abcdef";
    static final String TOKEN_T2 = "xoxb-2222222222-2222222222222-bbbbbbbbbbbbbbbbbbbbbbbb";
    static final String POST = "/api/chat.postMessage";
    static final Pattern STATE_COOKIE = Pattern.compile("slack-app-oauth-state=([^;]+)");

    SlackInstallTest() {
        slack.client(CLIENT_ID, CLIENT_SECRET);
    }

    @Override
    protected Map<String, String> slackProperties() {
        return Map.of(
                "fonte.slack.signing-secret", SECRET,
                "fonte.slack.client-id", CLIENT_ID,
                "fonte.slack.client-secret", CLIENT_SECRET,
                "fonte.slack.workers", "1");
    }

    @Test
    void the_install_page_gives_the_browser_a_one_time_state_and_links_to_slacks_authorize_page() throws Exception {
        HttpResponse<String> page = wire.get("/slack/install", Map.of());

        assertThat(page.statusCode()).isEqualTo(200);
        String state = state(page);
        assertThat(page.body()).contains("oauth/v2/authorize?client_id=" + CLIENT_ID)
                .contains("scope=app_mentions%3Aread%2Cchat%3Awrite%2Ccommands").contains("state=" + state);
        assertThat(page.headers().firstValue("Set-Cookie")).hasValueSatisfying(cookie ->
                assertThat(cookie).contains("HttpOnly").contains("Secure"));
    }

    @Test
    void an_install_with_a_forged_state_is_rejected_and_installs_nothing() throws Exception {
        // given: a state this server never issued, in the link and in the cookie alike
        slack.installable("code-forged", "T9", "xoxb-9999999999-9999999999999-ffffffffffffffffffffffff");

        // when
        HttpResponse<String> callback = wire.get("/slack/oauth/callback?code=code-forged&state=forged",
                Map.of("Cookie", "slack-app-oauth-state=forged"));

        // then: 400 problem+json, Slack was never asked for a token, and T9's mentions are not answered
        assertProblem(callback, 400, "not issued here");
        assertThat(slack.calls("/api/oauth.v2.access")).isEmpty();
        mentionAs("T9", "<@U0APP> after a forged install");
        assertNotAnswered();
    }

    @Test
    void a_state_issued_to_another_browser_is_rejected() throws Exception {
        String state = state(wire.get("/slack/install", Map.of()));
        slack.installable("code-elsewhere", "T8", "xoxb-8888888888-8888888888888-eeeeeeeeeeeeeeeeeeeeeeee");

        HttpResponse<String> callback = wire.get("/slack/oauth/callback?code=code-elsewhere&state=" + state,
                Map.of());

        assertProblem(callback, 400, "not issued here");
        assertThat(slack.calls("/api/oauth.v2.access")).isEmpty();
    }

    @Test
    void a_good_install_stores_the_workspace_token_and_its_mentions_are_answered_with_it() throws Exception {
        // given: the installer's browser went through /slack/install and Slack sent it back with a code
        String state = state(wire.get("/slack/install", Map.of()));
        slack.installable("code-t2", "T2", TOKEN_T2);

        // when
        HttpResponse<String> callback = wire.get("/slack/oauth/callback?code=code-t2&state=" + state,
                Map.of("Cookie", "slack-app-oauth-state=" + state));

        // then: Slack was asked once, with the app's credentials, and the workspace is installed
        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(slack.calls("/api/oauth.v2.access")).singleElement()
                .satisfies(call -> assertThat(call.form()).containsEntry("code", "code-t2"));
        String ts = mentionAs("T2", "<@U0APP> How much will Meta spend?");
        FakeSlack.Call posted = slack.await(call -> call.path().equals(POST));
        assertThat(posted.authorization()).isEqualTo("Bearer " + TOKEN_T2);
        assertThat(posted.form()).containsEntry("thread_ts", ts);
        assertThat(answers.questions()).containsExactly(new Question("How much will Meta spend?", "slack:T2:C1:" + ts));

        // and the state was used up: the same link installs nothing a second time
        HttpResponse<String> replay = wire.get("/slack/oauth/callback?code=code-t2&state=" + state,
                Map.of("Cookie", "slack-app-oauth-state=" + state));
        assertProblem(replay, 400, "not issued here");
    }

    @Test
    void an_install_the_admin_cancelled_in_slack_is_a_400_that_says_so() throws Exception {
        String state = state(wire.get("/slack/install", Map.of()));

        HttpResponse<String> callback = wire.get("/slack/oauth/callback?error=access_denied&state=" + state,
                Map.of("Cookie", "slack-app-oauth-state=" + state));

        assertProblem(callback, 400, "Slack did not install the app: access_denied");
        assertThat(slack.calls("/api/oauth.v2.access")).isEmpty();
    }

    @Test
    void an_event_from_a_workspace_that_never_installed_is_acknowledged_and_ignored() throws Exception {
        HttpResponse<String> response = wire.event(SlackWire.mention("T3", UUID.randomUUID().toString(),
                "<@U0APP> who am I", "1700000020.000100", null, null));

        assertThat(response.statusCode()).isEqualTo(200);
        assertNotAnswered();
    }

    private String mentionAs(String team, String text) throws Exception {
        String ts = "1800000000." + System.nanoTime() % 1_000_000;
        HttpResponse<String> response = wire.event(SlackWire.mention(team, UUID.randomUUID().toString(), text, ts,
                null, null));
        assertThat(response.statusCode()).isEqualTo(200);
        return ts;
    }

    /** With one worker, an installed workspace's later mention being answered proves the earlier one was dropped. */
    private void assertNotAnswered() throws Exception {
        String state = state(wire.get("/slack/install", Map.of()));
        slack.installable("code-sentinel", "T7", "xoxb-7777777777-7777777777777-dddddddddddddddddddddddd");
        assertThat(wire.get("/slack/oauth/callback?code=code-sentinel&state=" + state,
                Map.of("Cookie", "slack-app-oauth-state=" + state)).statusCode()).isEqualTo(200);
        String ts = mentionAs("T7", "<@U0APP> sentinel");
        slack.await(call -> ts.equals(call.form().get("thread_ts")));
        assertThat(answers.questions()).extracting(Question::text).containsExactly("sentinel");
        assertThat(slack.calls(POST)).hasSize(1);
    }

    private void assertProblem(HttpResponse<String> response, int status, String detail) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        Map<String, Object> problem = json.readValue(response.body(), Map.class);
        assertThat(problem.get("detail").toString()).contains(detail);
    }

    private static String state(HttpResponse<String> installPage) {
        String cookie = installPage.headers().firstValue("Set-Cookie").orElseThrow();
        Matcher matcher = STATE_COOKIE.matcher(cookie);
        assertThat(matcher.find()).as(cookie).isTrue();
        return matcher.group(1);
    }
}
