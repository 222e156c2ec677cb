package dev.fonte.answer;

import dev.fonte.answer.extractive.ExtractiveAnswerModel;
import dev.fonte.answer.provider.FailureReason;
import dev.fonte.answer.provider.RequestLog;
import dev.fonte.answer.provider.ResilientChatModel;
import dev.fonte.retrieval.PassageIndex;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;

/**
 * The answer chain every adapter shares: admit the question (a bounded number at once), prepare it
 * ({@link QuestionPreparer}), let the configured model draft from the numbered sources ({@link ModelChain}), render
 * the checked draft with its citations or a refusal ({@link AnswerRenderer}, {@link Refusals}), and remember the turn.
 */
@Singleton
public class DefaultAnswerService implements AnswerService {

    private final QuestionPreparer preparer;
    private final ModelChain models;
    private final ConversationMemory memory;
    private final Semaphore inFlight;
    private final AnswerCache cache;
    private final MeterRegistry meters;
    private final int maxTitles;

    public DefaultAnswerService(QuestionPreparer preparer, ModelChain models, ConversationMemory memory,
                                AnswerServiceConfiguration config, MeterRegistry meters) {
        this.preparer = preparer;
        this.models = models;
        this.memory = memory;
        this.inFlight = new Semaphore(config.maxInFlight());
        this.cache = new AnswerCache(config.cacheSize());
        this.maxTitles = config.refusalTitles();
        this.meters = meters;
    }

    @Override
    public Answer answer(Question question) {
        enter();
        try {
            QuestionPreparer.Prepared prepared = citable(preparer.prepare(question));
            String conversationId = prepared.conversationId();
            // out of any conversation, the same question on the same index has the same answer: compute it once
            boolean fresh = question.conversationId() == null || memory.last(conversationId).isEmpty();
            PassageIndex index = prepared.request().index();
            String key = prepared.request().question();
            if (fresh && !models.hasProvider()) {
                Optional<Answer> hit = cache.get(key, index, conversationId);
                if (hit.isPresent()) {
                    record(prepared.request().standalone(), hit.get());
                    return hit.get();
                }
            }
            Answer answer = complete(prepared, draft(prepared));
            // only the embedded engine's answers are kept: it is deterministic, a language model is not
            if (fresh && answer.model().equals(ExtractiveAnswerModel.NAME)) {
                cache.put(key, index, answer);
            }
            return answer;
        } finally {
            inFlight.release();
        }
    }

    /** Takes one of the bounded places for an answer in progress, or refuses at once. */
    private void enter() {
        if (!inFlight.tryAcquire()) {
            meters.counter("fonte.inflight.rejections").increment();
            throw new BusyException("too many questions are being answered; try again in a moment");
        }
    }

    /** The prepared question with its request as the configured model reads it ({@link ModelChain#citable}). */
    private QuestionPreparer.Prepared citable(QuestionPreparer.Prepared p) {
        return new QuestionPreparer.Prepared(p.conversationId(), models.citable(p.request()), p.intent());
    }

    private Draft draft(QuestionPreparer.Prepared p) {
        if (p.instruction() || p.request().sources().isEmpty()) {
            return Draft.refused(ExtractiveAnswerModel.NAME, Draft.Refusal.plain());
        }
        return models.draft(p.request());
    }

    @Override
    public Publisher<AnswerEvent> stream(Question question) {
        // the place is taken now, so a full house is a 503 before any event; it is given back when the stream ends
        enter();
        // the request's id is in the MDC of this thread only: carried by hand into the stream's threads
        Map<String, String> logContext = RequestLog.capture();
        return Flux.<AnswerEvent>create(sink -> RequestLog.within(logContext, () -> {
            QuestionPreparer.Prepared prepared = preparer.prepare(question);
            AnswerRequest request = prepared.request();
            sink.next(new AnswerEvent.Sources(request.sources().stream().map(AnswerRenderer::source).toList()));
            if (prepared.instruction() || request.sources().isEmpty() || !models.hasProvider()) {
                finish(sink, complete(prepared, draft(prepared)), "");
                return;
            }
            CheckedStream handler = new CheckedStream(citable(prepared), sink, logContext);
            sink.onCancel(handler::cancel);
            handler.started(models.stream(handler.prepared.request(), handler, handler.fallback));
        })).subscribeOn(Schedulers.boundedElastic()).doFinally(signal -> inFlight.release());
    }

    /** Emits what the answer adds to what was already streamed (withdrawing that first if it differs), then it. */
    private static void finish(FluxSink<AnswerEvent> sink, Answer answer, String streamed) {
        String rest = answer.answer();
        if (!streamed.isEmpty()) {
            if (answer.answer().startsWith(streamed)) {
                rest = answer.answer().substring(streamed.length());
            } else {
                sink.next(new AnswerEvent.Reset("the answer that counts differs from the text streamed so far"));
            }
        }
        Chunks.words(rest).forEach(piece -> sink.next(new AnswerEvent.Delta(piece)));
        sink.next(new AnswerEvent.Done(answer));
        sink.complete();
    }

    /**
     * Streams a language model's answer as it is written, but only what has been checked: each sentence is released
     * once it is complete (its closing punctuation and markers have arrived), its citations are valid and its spans
     * support it. The checked text only grows; when what counts in the end differs from it (the provider failed after
     * some of it was sent, or the stricter mode failed the answer for a later sentence), a {@link AnswerEvent.Reset}
     * withdraws it before the answer that counts. When the asker leaves, the model's call is stopped.
     */
    private final class CheckedStream implements StreamingChatResponseHandler, ResilientChatModel.FallbackListener {
        private final QuestionPreparer.Prepared prepared;
        private final FluxSink<AnswerEvent> sink;
        private final ModelChain.ExtractiveFallback fallback;
        private final Map<String, String> logContext;
        private final StringBuilder text = new StringBuilder();
        private String checked = "";
        private String streamed = "";
        private boolean fellBack;
        private volatile StreamingHandle call;
        private volatile boolean cancelled;

        CheckedStream(QuestionPreparer.Prepared prepared, FluxSink<AnswerEvent> sink, Map<String, String> logContext) {
            this.prepared = prepared;
            this.sink = sink;
            this.logContext = logContext;
            this.fallback = models.new ExtractiveFallback(prepared.request());
        }

        /** The model's call is under way: this stops it (at once, when the asker has already left). */
        void started(StreamingHandle handle) {
            call = handle;
            if (cancelled) {
                handle.cancel();
            }
        }

        @Override
        public synchronized void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (cancelled || fellBack) {
                return;
            }
            text.append(partial.text());
            String complete = CitationChecker.completeSentences(text);
            if (complete.isEmpty() || complete.equals(checked)) {
                return;
            }
            checked = complete;
            Draft draft = models.check(complete, prepared.request(), "").draft();
            String now = draft.answered() ? AnswerRenderer.render(draft, prepared.request()).text() : "";
            if (now.length() > streamed.length() && now.startsWith(streamed)) {
                Chunks.words(now.substring(streamed.length()))
                        .forEach(piece -> sink.next(new AnswerEvent.Delta(piece)));
                streamed = now;
            }
        }

        @Override
        public void onPartialResponse(String partialResponse) {
            onPartialResponse(new PartialResponse(partialResponse), null);
        }

        @Override
        public synchronized void onFallback(FailureReason reason) {
            // the fallback starts over: what was streamed is withdrawn before its answer arrives
            fellBack = true;
            text.setLength(0);
            if (!streamed.isEmpty() && !cancelled) {
                sink.next(new AnswerEvent.Reset("the model " + reason.phrase()));
                streamed = "";
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (cancelled) {
                return;
            }
            // the answer arrives on the provider client's thread: its log lines need the request's context
            Draft draft = fallback.draft() != null ? fallback.draft().withModel(response.modelName())
                    : RequestLog.within(logContext, () -> models.groundedOrFallback(prepared.request(),
                    response.aiMessage().text(), response.modelName()));
            String already;
            synchronized (this) {
                already = streamed;
            }
            finish(sink, complete(prepared, draft), already);
        }

        @Override
        public void onError(Throwable error) {
            if (!cancelled) {
                // the guard already fell back; this is the embedded engine failing too
                sink.error(error);
            }
        }

        /** The asker left: the model's call stops, and it counts as neither a success nor a failure. */
        void cancel() {
            cancelled = true;
            StreamingHandle handle = call;
            if (handle != null && !handle.isCancelled()) {
                handle.cancel();
            }
        }
    }

    /** The answer of a draft: its rendered text and citations, or the refusal in the question's language. */
    Answer complete(QuestionPreparer.Prepared p, Draft draft) {
        AnswerRequest request = p.request();
        Answer answer;
        if (draft.answered()) {
            AnswerRenderer.Rendered rendered = AnswerRenderer.render(draft, request);
            answer = new Answer(p.conversationId(), rendered.text(), true, request.language().code(),
                    rendered.citations(), draft.model());
        } else {
            String message = p.instruction() ? Refusals.instruction(request.language(), request.index().corpus())
                    : Refusals.message(request.language(), draft.refusal(), request.index().corpus(),
                    request.sources(), maxTitles);
            answer = new Answer(p.conversationId(), message, false, request.language().code(), List.of(),
                    draft.model());
        }
        record(request.standalone(), answer);
        return answer;
    }

    /** Remembers the turn for follow-ups and counts the answer. */
    private void record(String standalone, Answer answer) {
        String said = answer.citations().stream().map(Citation::text).collect(Collectors.joining(" "));
        memory.remember(answer.conversationId(), standalone, answer.language(), answer.answer(), said);
        String modelName = answer.model();
        meters.counter("fonte.answers", "answered", Boolean.toString(answer.answered()), "language", answer.language(),
                "model", modelName.startsWith(ExtractiveAnswerModel.NAME) ? ExtractiveAnswerModel.NAME
                        : modelName.split(":")[0]).increment();
    }
}
