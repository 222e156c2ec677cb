package dev.fonte.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Question;
import dev.fonte.store.SharedStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * What the app does with a {@code /fonte} command and an {@code @Fonte} mention, whichever way they came (HTTP or
 * Socket Mode): acknowledged at once, answered afterwards on the bounded Slack pool, so Slack never waits. A mention
 * is answered in its thread, and the thread is the conversation; Slack's retries of one {@code event_id} are answered
 * once, by whichever replica takes it first in the {@link SharedStore}; messages from bots are ignored (no loops).
 * The workspace's bot token was found by {@link WorkspaceAuthorization} before these run.
 */
@Singleton
class SlackListeners {

    private static final Logger LOG = LoggerFactory.getLogger(SlackListeners.class);
    private static final String EVENT_KEY = "slack:event:";
    private static final String EPHEMERAL = "ephemeral";

    private final AnswerService answers;
    private final SlackResponder responder;
    private final SharedStore store;
    private final Duration dedupWindow;
    private final ExecutorService executor;

    SlackListeners(AnswerService answers, SlackResponder responder, SharedStore store, SlackConfiguration configuration,
                   @Named(SlackFactory.EXECUTOR) ExecutorService executor) {
        this.answers = answers;
        this.responder = responder;
        this.store = store;
        this.dedupWindow = configuration.dedupWindow();
        this.executor = executor;
    }

    /** {@code /fonte <question>}: "looking it up" only to the asker now, the answer in the channel later. */
    Response command(SlashCommandRequest request, SlashCommandContext context) {
        SlashCommandPayload command = request.getPayload();
        if (SlackMessages.asksForHelp(command.getText())) {
            return ephemeral(context, SlackMessages.in(null).help(command.getCommand()));
        }
        String question = SlackText.question(command.getText());
        SlackMessages messages = SlackMessages.forQuestion(question);
        if (question.isEmpty()) {
            return ephemeral(context, messages.help(command.getCommand()));
        }
        if (question.length() > SlackText.MAX_QUESTION) {
            return ephemeral(context, messages.tooLong(SlackText.MAX_QUESTION));
        }
        String responseUrl = command.getResponseUrl();
        if (responseUrl == null || responseUrl.isBlank()) {
            return ephemeral(context, messages.failed());
        }
        try {
            executor.execute(() -> answerCommand(responseUrl, command.getChannelId(), command.getUserId(), question));
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack answer queue full, command in channel {} refused", command.getChannelId());
            return ephemeral(context, messages.busy());
        }
        return ephemeral(context, messages.lookingItUp(question));
    }

    /** {@code @Fonte <question>}: 200 at once, the answer in the mention's thread later. */
    Response mention(EventsApiPayload<AppMentionEvent> payload, EventContext context) {
        AppMentionEvent event = payload.getEvent();
        boolean fromBot = (event.getBotId() != null && !event.getBotId().isBlank())
                || "bot_message".equals(event.getSubtype());
        if (fromBot || event.getChannel() == null || event.getTs() == null) {
            return context.ack();
        }
        String eventId = payload.getEventId() != null ? payload.getEventId()
                : context.getTeamId() + ":" + event.getChannel() + ":" + event.getTs();
        String key = EVENT_KEY + eventId;
        if (!store.putIfAbsent(key, "taken", dedupWindow)) {
            LOG.debug("Slack retry of {} ignored", eventId);
            return context.ack();
        }
        String botToken = context.getBotToken();
        String teamId = context.getTeamId();
        try {
            executor.execute(() -> answerMention(botToken, teamId, event));
        } catch (RejectedExecutionException e) {
            // not acknowledged, and forgotten: Slack's retry gets another chance
            store.delete(key);
            LOG.warn("Slack answer queue full, event {} left for Slack's retry", eventId);
            return Response.builder().statusCode(503).build();
        }
        return context.ack();
    }

    private void answerCommand(String responseUrl, String channel, String userId, String question) {
        try {
            Answer answer = answers.answer(Question.of(question));
            responder.postToResponseUrl(responseUrl, channel, "in_channel",
                    SlackBlocks.fallbackTextAsked(answer, userId, question),
                    SlackBlocks.renderAsked(answer, userId, question));
        } catch (RuntimeException e) {
            LOG.warn("Slack command in channel {} could not be answered: {}", channel, e.toString());
            responder.postToResponseUrl(responseUrl, channel, EPHEMERAL,
                    SlackMessages.forQuestion(question).failed(), List.of());
        }
    }

    private void answerMention(String botToken, String teamId, AppMentionEvent event) {
        String channel = event.getChannel();
        String thread = event.getThreadTs() != null && !event.getThreadTs().isBlank() ? event.getThreadTs()
                : event.getTs();
        String question = SlackText.question(event.getText());
        if (question.isEmpty()) {
            responder.postInThread(botToken, channel, thread, SlackMessages.in(null).help("/fonte"), List.of());
            return;
        }
        if (question.length() > SlackText.MAX_QUESTION) {
            question = question.substring(0, SlackText.MAX_QUESTION);
        }
        try {
            Answer answer = answers.answer(new Question(question, SlackText.conversationId(teamId, channel, thread)));
            responder.postInThread(botToken, channel, thread, SlackBlocks.fallbackText(answer),
                    SlackBlocks.render(answer));
        } catch (RuntimeException e) {
            LOG.warn("Slack mention in channel {} could not be answered: {}", channel, e.toString());
            responder.postInThread(botToken, channel, thread, SlackMessages.forQuestion(question).failed(), List.of());
        }
    }

    private static Response ephemeral(SlashCommandContext context, String text) {
        return context.ack(response -> response.responseType(EPHEMERAL).text(text));
    }
}
