package dev.fonte.slack;

import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Question;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The Events API: answers the URL check, and answers {@code app_mention}s in their thread after the 2xx, so Slack
 * never waits. A thread is one conversation ({@code slack:<channel>:<thread_ts>}); bot messages are ignored and
 * Slack's retries of one {@code event_id} are answered once.
 */
@Hidden
@Controller("/slack")
@Requires(beans = SlackConfiguration.class)
class SlackEventsController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsController.class);

    private final SlackRequestVerifier verifier;
    private final SlackDeduplicator deduplicator;
    private final AnswerService answers;
    private final SlackResponder responder;
    private final ExecutorService executor;
    private final JsonMapper json;

    SlackEventsController(SlackRequestVerifier verifier, SlackDeduplicator deduplicator, AnswerService answers,
                          SlackResponder responder, @Named(SlackFactory.EXECUTOR) ExecutorService executor,
                          JsonMapper json) {
        this.verifier = verifier;
        this.deduplicator = deduplicator;
        this.answers = answers;
        this.responder = responder;
        this.executor = executor;
        this.json = json;
    }

    @Post(uri = "/events", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> event(@Nullable @Header(SlackRequestVerifier.TIMESTAMP_HEADER) String timestamp,
                          @Nullable @Header(SlackRequestVerifier.SIGNATURE_HEADER) String signature,
                          @Body byte[] rawBody) {
        verifier.verify(timestamp, signature, rawBody);
        SlackEnvelope envelope;
        try {
            envelope = json.readValue(rawBody, SlackEnvelope.class);
        } catch (IOException e) {
            return HttpResponse.badRequest(Map.of("error", "not a Slack event"));
        }
        if ("url_verification".equals(envelope.type())) {
            return HttpResponse.ok(Map.of("challenge", envelope.challenge() == null ? "" : envelope.challenge()));
        }
        SlackEnvelope.Event event = envelope.event();
        if (!"event_callback".equals(envelope.type()) || event == null || !"app_mention".equals(event.type())
                || event.fromBot() || event.channel() == null || event.ts() == null) {
            return HttpResponse.ok();
        }
        String eventId = envelope.eventId() != null ? envelope.eventId() : event.channel() + ":" + event.ts();
        if (!deduplicator.firstTime(eventId)) {
            LOG.debug("Slack retry of {} ignored", eventId);
            return HttpResponse.ok();
        }
        try {
            executor.execute(() -> answer(event));
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack answer queue full, event {} left for Slack's retry", eventId);
            deduplicator.forget(eventId);
            return HttpResponse.serverError();
        }
        return HttpResponse.ok();
    }

    private void answer(SlackEnvelope.Event event) {
        String thread = event.replyThread();
        String question = SlackText.question(event.text());
        if (question.isEmpty()) {
            responder.postInThread(event.channel(), thread, SlackMessages.help("/fonte"), List.of());
            return;
        }
        if (question.length() > SlackText.MAX_QUESTION) {
            question = question.substring(0, SlackText.MAX_QUESTION);
        }
        try {
            String conversation = SlackText.conversationId(event.channel(), thread);
            responder.postInThread(event.channel(), thread, answers.answer(new Question(question, conversation)));
        } catch (RuntimeException e) {
            LOG.warn("Slack mention could not be answered: {}", e.toString());
            responder.postInThread(event.channel(), thread, SlackMessages.failed(question), List.of());
        }
    }
}
