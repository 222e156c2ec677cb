package dev.fonte.chat;

import dev.fonte.answer.AnswerEvent;
import dev.fonte.answer.AnswerService;
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
    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public ChatReply chat(@Valid @Body ChatRequest request) {
        return ChatReply.of(answers.answer(request.toQuestion()), request.slack());
    }

    @Operation(summary = "Stream the answer as server-sent events: sources, delta... (reset when the deltas so far are withdrawn), done (the /api/chat JSON)")
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
