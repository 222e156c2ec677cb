package dev.fonte.slack;

import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Question;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * {@code /fonte <question>}: acknowledged at once with an ephemeral "looking it up", answered later on the
 * {@code response_url}, in the channel, as Block Kit. The signature is checked over the raw body before parsing.
 */
@Hidden
@Controller("/slack")
@Requires(beans = SlackConfiguration.class)
class SlackCommandController {

    private static final Logger LOG = LoggerFactory.getLogger(SlackCommandController.class);

    private final SlackRequestVerifier verifier;
    private final AnswerService answers;
    private final SlackResponder responder;
    private final ExecutorService executor;

    SlackCommandController(SlackRequestVerifier verifier, AnswerService answers, SlackResponder responder,
                           @Named(SlackFactory.EXECUTOR) ExecutorService executor) {
        this.verifier = verifier;
        this.answers = answers;
        this.responder = responder;
        this.executor = executor;
    }

    @Post(uri = "/commands", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.APPLICATION_JSON)
    Map<String, Object> command(@Nullable @Header(SlackRequestVerifier.TIMESTAMP_HEADER) String timestamp,
                                @Nullable @Header(SlackRequestVerifier.SIGNATURE_HEADER) String signature,
                                @Body byte[] rawBody) {
        verifier.verify(timestamp, signature, rawBody);
        SlashCommand command = SlashCommand.parse(new String(rawBody, StandardCharsets.UTF_8));
        if (command.asksForHelp()) {
            return ephemeral(SlackMessages.help(command.command()));
        }
        String question = SlackText.question(command.text());
        if (question.isEmpty()) {
            return ephemeral(SlackMessages.help(command.command()));
        }
        if (question.length() > SlackText.MAX_QUESTION) {
            return ephemeral(SlackMessages.looksItalian(question)
                    ? "La domanda è troppo lunga (massimo " + SlackText.MAX_QUESTION + " caratteri)."
                    : "The question is too long (at most " + SlackText.MAX_QUESTION + " characters).");
        }
        if (command.responseUrl() == null || command.responseUrl().isBlank()) {
            return ephemeral(SlackMessages.failed(question));
        }
        try {
            executor.execute(() -> answer(command.responseUrl(), question));
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack answer queue full, command refused");
            return ephemeral(SlackMessages.busy(question));
        }
        return ephemeral(SlackMessages.lookingItUp(question));
    }

    private void answer(String responseUrl, String question) {
        try {
            responder.postToResponseUrl(responseUrl, answers.answer(new Question(question, null)));
        } catch (RuntimeException e) {
            LOG.warn("Slack command could not be answered: {}", e.toString());
            responder.postToResponseUrl(responseUrl, "ephemeral", SlackMessages.failed(question), List.of());
        }
    }

    private static Map<String, Object> ephemeral(String text) {
        return Map.of("response_type", "ephemeral", "text", text);
    }
}
