package dev.fonte.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import dev.fonte.answer.Answer;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Posts to Slack through its SDK: answers in a thread ({@code chat.postMessage}) or to a {@code response_url}. */
@Singleton
@Requires(beans = SlackConfiguration.class)
class SlackResponder {

    private static final Logger LOG = LoggerFactory.getLogger(SlackResponder.class);

    private final Slack slack;
    private final String botToken;
    private final JsonMapper json;

    SlackResponder(Slack slack, SlackConfiguration configuration, JsonMapper json) {
        this.slack = slack;
        this.botToken = configuration.botToken();
        this.json = json;
    }

    /** Replies in the thread {@code threadTs} of {@code channel} with the Block Kit answer. */
    void postInThread(String channel, String threadTs, Answer answer) {
        postInThread(channel, threadTs, SlackBlocks.fallbackText(answer), SlackBlocks.render(answer));
    }

    void postInThread(String channel, String threadTs, String text, List<Map<String, Object>> blocks) {
        try {
            String blocksJson = blocks.isEmpty() ? null : write(blocks);
            ChatPostMessageResponse response = slack.methods(botToken).chatPostMessage(request -> request
                    .channel(channel)
                    .threadTs(threadTs)
                    .text(text)
                    .blocksAsString(blocksJson)
                    .unfurlLinks(false)
                    .unfurlMedia(false));
            if (!response.isOk()) {
                LOG.warn("chat.postMessage to {} refused: {}", channel, response.getError());
            }
        } catch (IOException | SlackApiException e) {
            LOG.warn("chat.postMessage to {} failed: {}", channel, e.getMessage());
        }
    }

    /** Posts the Block Kit answer to a slash command's {@code response_url}, visible to the channel. */
    void postToResponseUrl(String responseUrl, Answer answer) {
        postToResponseUrl(responseUrl, "in_channel", SlackBlocks.fallbackText(answer), SlackBlocks.render(answer));
    }

    void postToResponseUrl(String responseUrl, String responseType, String text, List<Map<String, Object>> blocks) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("response_type", responseType);
        payload.put("text", text);
        if (!blocks.isEmpty()) {
            payload.put("blocks", blocks);
        }
        try {
            WebhookResponse response = slack.send(responseUrl, write(payload));
            if (response.getCode() == null || response.getCode() / 100 != 2) {
                LOG.warn("response_url post refused: {} {}", response.getCode(), response.getBody());
            }
        } catch (IOException e) {
            LOG.warn("response_url post failed: {}", e.getMessage());
        }
    }

    private String write(Object value) throws IOException {
        return json.writeValueAsString(value);
    }
}
