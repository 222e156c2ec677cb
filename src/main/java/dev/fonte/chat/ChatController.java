package dev.fonte.chat;

import dev.fonte.answer.Answer;
import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.AnswerService;
import dev.fonte.answer.Question;
import dev.fonte.http.BadRequestException;
import dev.fonte.slack.SlackAnswer;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import java.util.regex.Pattern;

/** The chat API: one question in, a grounded answer (or an honest refusal) out, whole or streamed. */
@Controller("/api/chat")
@Tag(name = "chat")
public class ChatController {

    static final int MAX_QUESTION = 2000;
    private static final Pattern CONVERSATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final AnswerService answers;

    public ChatController(AnswerService answers) {
        this.answers = answers;
    }

    @Operation(summary = "Answer a question from the corpus, every sentence cited, or refuse with answered=false")
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @ApiResponse(responseCode = "200", description = "the answer; with format=slack also a Block Kit blocks array",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Answer.class)))
    public Object chat(@Body ChatRequest request) {
        return body(answers.answer(validate(request)), request);
    }

    /** What /api/chat returns, and the stream's done event carries: the answer, with Slack blocks when asked for. */
    private static Object body(Answer answer, ChatRequest request) {
        return "slack".equals(request.format()) ? SlackAnswer.of(answer) : answer;
    }

    @Operation(summary = "Stream the answer as server-sent events: sources, delta... (reset when the deltas so far are withdrawn), done (the /api/chat JSON)")
    @Post("/stream")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<?>> stream(@Body ChatRequest request) {
        Question question = validate(request);
        return Flux.from(answers.stream(question)).map(e -> event(e, request));
    }

    private static Event<?> event(AnswerEvent e, ChatRequest request) {
        if (e instanceof AnswerEvent.Sources s) {
            return Event.of(s).name("sources");
        } else if (e instanceof AnswerEvent.Delta d) {
            return Event.of(d).name("delta");
        } else if (e instanceof AnswerEvent.Reset r) {
            return Event.of(r).name("reset");
        }
        return Event.of(body(((AnswerEvent.Done) e).answer(), request)).name("done");
    }

    static Question validate(ChatRequest request) {
        if (request == null || request.question() == null || request.question().isBlank()) {
            throw new BadRequestException("'question' is required and must not be empty");
        }
        String question = request.question().strip();
        if (question.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7f)) {
            throw new BadRequestException("'question' contains control characters");
        }
        if (question.length() > MAX_QUESTION) {
            throw new BadRequestException("'question' is " + question.length() + " characters long; at most "
                    + MAX_QUESTION + " are allowed");
        }
        String conversationId = request.conversationId();
        if (conversationId != null && !conversationId.isEmpty() && !CONVERSATION_ID.matcher(conversationId).matches()) {
            throw new BadRequestException("'conversationId' must be 1 to 128 letters, digits or . _ : -");
        }
        if (request.format() != null && !request.format().equals("json") && !request.format().equals("slack")) {
            throw new BadRequestException("'format' must be \"json\" or \"slack\"");
        }
        return new Question(question, conversationId == null || conversationId.isEmpty() ? null : conversationId);
    }
}
