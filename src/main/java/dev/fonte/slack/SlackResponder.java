package dev.fonte.slack;

import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.webhook.WebhookResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * Delivers answers to Slack through its SDK: in a thread ({@code chat.postMessage}, with the workspace's bot token)
 * or to a slash command's {@code response_url}. Nothing is dropped in silence: a rate limit (429) is waited out for
 * as long as its {@code Retry-After} says, a network error or a 5xx is retried after a growing pause, both a bounded
 * number of times ({@code fonte.slack.post-attempts}); an answer that still cannot be delivered, or that Slack
 * refuses, is logged with its channel and counted ({@code fonte_slack_post_failures_total}). The waits do not hold a
 * worker: the retry is scheduled, then runs on the Slack pool again.
 */
@Singleton
class SlackResponder {

    private static final Logger LOG = LoggerFactory.getLogger(SlackResponder.class);

    /** What one attempt came to. */
    private sealed interface Outcome {
    }

    private record Delivered() implements Outcome {
    }

    /** Worth trying again after {@code after} ({@code null}: the next pause of the growing series). */
    private record Retry(Duration after, String kind, String reason) implements Outcome {
    }

    private record Refused(String reason) implements Outcome {
    }

    @FunctionalInterface
    private interface Attempt {
        Outcome send() throws IOException;
    }

    private final Slack slack;
    private final JsonMapper json;
    private final TaskScheduler scheduler;
    private final ExecutorService executor;
    private final MeterRegistry meters;
    private final int maxAttempts;
    private final Duration maxRetryAfter;
    private final Duration backoff;

    SlackResponder(Slack slack, SlackConfiguration configuration, JsonMapper json,
                   @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler,
                   @Named(SlackFactory.EXECUTOR) ExecutorService executor, MeterRegistry meters) {
        this.slack = slack;
        this.json = json;
        this.scheduler = scheduler;
        this.executor = executor;
        this.meters = meters;
        this.maxAttempts = configuration.postAttempts();
        this.maxRetryAfter = configuration.maxRetryAfter();
        this.backoff = configuration.retryBackoff();
    }

    /** Replies in the thread {@code threadTs} of {@code channel}, as the bot of {@code botToken}. */
    void postInThread(String botToken, String channel, String threadTs, String text, List<Map<String, Object>> blocks) {
        String blocksJson = blocks.isEmpty() ? null : write(blocks);
        deliver("channel " + channel + " (thread " + threadTs + ")", () -> {
            try {
                ChatPostMessageResponse response = slack.methods(botToken).chatPostMessage(request -> request
                        .channel(channel)
                        .threadTs(threadTs)
                        .text(text)
                        .blocksAsString(blocksJson)
                        .unfurlLinks(false)
                        .unfurlMedia(false));
                return response.isOk() ? new Delivered() : new Refused(response.getError());
            } catch (SlackApiException e) {
                return failed(e.getResponse().code(), e.getResponse().header("Retry-After"),
                        e.getError() != null ? e.getError().getError() : e.getMessage());
            }
        }, 1);
    }

    /** Posts to a slash command's {@code response_url}: {@code in_channel} for everyone, or {@code ephemeral}. */
    void postToResponseUrl(String responseUrl, String channel, String responseType, String text,
                           List<Map<String, Object>> blocks) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("response_type", responseType);
        payload.put("text", text);
        if (!blocks.isEmpty()) {
            payload.put("blocks", blocks);
        }
        String body = write(payload);
        deliver("channel " + channel + " (response_url)", () -> {
            WebhookResponse response = slack.send(responseUrl, body);
            int code = response.getCode() == null ? 0 : response.getCode();
            return code / 100 == 2 ? new Delivered()
                    : failed(code, header(response, "Retry-After"), response.getBody());
        }, 1);
    }

    private Outcome failed(int status, String retryAfter, String error) {
        if (status == 429) {
            return new Retry(seconds(retryAfter), "rate_limited", "rate limited (" + error + ")");
        }
        if (status >= 500) {
            return new Retry(null, "server_error", "HTTP " + status + " " + error);
        }
        return new Refused("HTTP " + status + " " + error);
    }

    private void deliver(String where, Attempt attempt, int number) {
        Outcome outcome;
        try {
            outcome = attempt.send();
        } catch (IOException | RuntimeException e) {
            outcome = new Retry(null, "network", e.toString());
        }
        if (outcome instanceof Refused refused) {
            giveUp(where, number, "refused", "Slack refused it: " + refused.reason());
        } else if (outcome instanceof Retry retry) {
            Duration wait = retry.after() != null ? retry.after()
                    : backoff.multipliedBy(1L << Math.min(number - 1, 10));
            if (number >= maxAttempts) {
                giveUp(where, number, retry.kind(), retry.reason());
            } else if (wait.compareTo(maxRetryAfter) > 0) {
                giveUp(where, number, retry.kind(), retry.reason() + "; Slack asks to wait " + wait.toSeconds()
                        + " s, longer than fonte.slack.max-retry-after");
            } else {
                meters.counter("fonte.slack.post.retries", "reason", retry.kind()).increment();
                LOG.info("Slack answer for {} not delivered yet ({}): attempt {} of {} in {} ms", where,
                        retry.reason(), number + 1, maxAttempts, wait.toMillis());
                scheduler.schedule(wait, () -> again(where, attempt, number + 1));
            }
        } else if (number > 1) {
            LOG.info("Slack answer for {} delivered at attempt {}", where, number);
        }
    }

    private void again(String where, Attempt attempt, int number) {
        try {
            executor.execute(() -> deliver(where, attempt, number));
        } catch (RejectedExecutionException e) {
            giveUp(where, number - 1, "queue_full", "the Slack answer queue is full");
        }
    }

    private void giveUp(String where, int attempts, String kind, String reason) {
        meters.counter("fonte.slack.post.failures", "reason", kind).increment();
        LOG.error("Slack answer for {} dropped after {} attempt(s): {}", where, attempts, reason);
    }

    private static Duration seconds(String retryAfter) {
        try {
            return retryAfter == null ? null : Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String header(WebhookResponse response, String name) {
        if (response.getHeaders() == null) {
            return null;
        }
        return response.getHeaders().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("Block Kit JSON could not be written", e);
        }
    }
}
