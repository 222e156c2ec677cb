package dev.fonte.chat;

import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.AnswerService;
import dev.fonte.http.ApiErrors;
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
import jakarta.validation.Valid;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/** The chat API: one question in, a grounded answer (or an honest refusal) out, whole or streamed. */
@Controller("/api/chat")
@Tag(name = "chat")
public class ChatController {

    private final AnswerService answers;

    public ChatController(AnswerService answers) {
        this.answers = answers;
    }

    @Operation(summary = "Answer a question from the corpus, every sentence cited, or refuse with answered=false")
    @ApiResponse(responseCode = "200", description = "The answer (answered=true, every sentence cited) or an honest "
            + "refusal (answered=false, no citations); with format=slack also a Block Kit blocks array")
    @ApiErrors.Guarded
    @ApiErrors.BadBody
    @ApiErrors.NotReady
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public ChatReply chat(@Valid @Body ChatRequest request) {
        return ChatReply.of(answers.answer(request.toQuestion()), request.slack());
    }

    @Operation(summary = "Stream the answer as server-sent events: sources, delta... (reset when the deltas so far "
            + "are withdrawn), done (the /api/chat JSON)")
    @ApiResponse(responseCode = "200", description = "Server-sent events, in this order: one 'sources' (the candidate "
            + "passages: AnswerEvent.Sources), any number of 'delta' (a piece of the answer text, a [n] marker never "
            + "split: AnswerEvent.Delta), a 'reset' when the deltas so far are withdrawn (AnswerEvent.Reset: show "
            + "nothing of them), one 'done' (exactly the POST /api/chat body: ChatReply)",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM, schema = @Schema(
                    description = "the data of one event: sources, delta, reset or done",
                    oneOf = {AnswerEvent.Sources.class, AnswerEvent.Delta.class, AnswerEvent.Reset.class,
                            ChatReply.class})))
    @ApiErrors.Guarded
    @ApiErrors.BadBody
    @ApiErrors.NotReady
    @Post("/stream")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<?>> stream(@Valid @Body ChatRequest request) {
        return Flux.from(answers.stream(request.toQuestion())).map(e -> event(e, request));
    }

    private static Event<?> event(AnswerEvent e, ChatRequest request) {
        if (e instanceof AnswerEvent.Sources s) {
            return Event.of(s).name("sources");
        } else if (e instanceof AnswerEvent.Delta d) {
            return Event.of(d).name("delta");
        } else if (e instanceof AnswerEvent.Reset r) {
            return Event.of(r).name("reset");
        }
        return Event.of(ChatReply.of(((AnswerEvent.Done) e).answer(), request.slack())).name("done");
    }
}
