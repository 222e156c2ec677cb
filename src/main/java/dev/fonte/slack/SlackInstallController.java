package dev.fonte.slack;

import com.slack.api.bolt.request.Request;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The install flow, for several workspaces: {@code /slack/install} shows the "Add to Slack" page and gives the
 * browser a one-time state (a cookie, and the shared store), {@code /slack/oauth/callback} checks that state, trades
 * Slack's code for the workspace's bot token ({@code oauth.v2.access}) and stores it. Both are Bolt's OAuth flow.
 */
@Hidden
@Controller(SlackFactory.APP_PATH)
@Requires(condition = SlackModeCondition.Installs.class)
@ExecuteOn(TaskExecutors.BLOCKING)
class SlackInstallController {

    private final BoltAdapter bolt;

    SlackInstallController(BoltAdapter bolt) {
        this.bolt = bolt;
    }

    @Get(SlackFactory.INSTALL_PATH)
    HttpResponse<String> install(HttpRequest<?> request) throws Exception {
        return run(request, bolt.installUri());
    }

    @Get(SlackFactory.CALLBACK_PATH)
    HttpResponse<String> callback(HttpRequest<?> request) throws Exception {
        return run(request, bolt.callbackUri());
    }

    private HttpResponse<String> run(HttpRequest<?> request, String boltUri) throws Exception {
        Request<?> slack = bolt.parse(request, "", boltUri).request();
        if (slack == null) {
            throw new SlackInstallException("not an install request");
        }
        return bolt.run(slack);
    }
}
