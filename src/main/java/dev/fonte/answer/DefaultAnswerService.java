package dev.fonte.answer;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.LanguageDetector;
import dev.fonte.corpus.Passage;
import dev.fonte.retrieval.IndexManager;
import dev.fonte.retrieval.PassageIndex;
import dev.fonte.retrieval.PassageRetriever;
import dev.fonte.retrieval.RetrievalConfiguration;
import dev.fonte.retrieval.ScoredPassage;
import dev.langchain4j.data.message.ChatMessage;
import dev.fonte.answer.provider.FailureReason;
import dev.fonte.answer.provider.ResilientChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The answer chain every adapter shares: detect the question's language, resolve a follow-up against the
 * conversation, retrieve candidate sentences (or the key sentences, for a summary), let the answer model write from
 * the numbered sources, check its citations against them, and refuse when nothing grounded is left.
 */
@Singleton
public class DefaultAnswerService implements AnswerService {

    private final IndexManager indexes;
    private final PassageRetriever retriever;
    private final ChatModel model;
    private final StreamingChatModel streamingModel;
    private final ChatModel extractiveModel;
    private final ConversationMemory memory;
    private final RetrievalConfiguration retrieval;
    private final ExtractiveConfiguration extractive;
    private final java.util.concurrent.Semaphore inFlight;
    private final AnswerCache cache;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    public DefaultAnswerService(IndexManager indexes, PassageRetriever retriever,
                                ChatModel model, StreamingChatModel streamingModel,
                                @Named(ExtractiveChatModel.NAME) ChatModel extractiveModel,
                                ConversationMemory memory,
                                RetrievalConfiguration retrieval, ExtractiveConfiguration extractive,
                                @io.micronaut.context.annotation.Value("${fonte.answer.max-in-flight:64}") int maxInFlight,
                                io.micrometer.core.instrument.MeterRegistry meters,
                                @io.micronaut.context.annotation.Value("${fonte.answer.cache-size:1000}") int cacheSize) {
        this.indexes = indexes;
        this.retriever = retriever;
        // the configured provider behind its deadline, breaker and extractive fallback (ResilientChatModel, @Primary)
        this.model = model;
        this.streamingModel = streamingModel;
        this.extractiveModel = extractiveModel;
        this.memory = memory;
        this.retrieval = retrieval;
        this.extractive = extractive;
        this.inFlight = new java.util.concurrent.Semaphore(maxInFlight);
        this.cache = new AnswerCache(cacheSize);
        this.meters = meters;
    }

    /**
     * Everything decided before the model is called.
     *
     * @param instruction the message is an order, not a question (see {@link Intent}): refused, nothing retrieved
     */
    record Prepared(String conversationId, String question, String standalone, String language,
                    ChainPrompt.Task task, List<ScoredPassage> sources, PassageIndex index, boolean instruction) {
    }

    @Override
    public Answer answer(Question question) {
        enter();
        try {
            String conversationId = conversationId(question);
            String text = question.text().strip();
            // out of any conversation, the same question on the same index has the same answer: compute it once
            boolean fresh = memory.last(conversationId).isEmpty();
            PassageIndex index = indexes.current();
            if (fresh) {
                Optional<Answer> hit = cache.get(text, index, conversationId);
                if (hit.isPresent()) {
                    record(text, hit.get());
                    return hit.get();
                }
            }
            Prepared prepared = prepare(new Question(text, conversationId));
            Answer answer = complete(prepared, generate(prepared));
            // only the embedded default's answers are kept: it is deterministic, a language model is not (and a
            // fallback answer would outlive the provider's recovery)
            if (fresh && prepared.index() == index && answer.model().equals(ExtractiveChatModel.NAME)) {
                cache.put(text, index, answer);
            }
            return answer;
        } finally {
            inFlight.release();
        }
    }

    private static String conversationId(Question question) {
        return question.conversationId() == null || question.conversationId().isBlank()
                ? UUID.randomUUID().toString() : question.conversationId();
    }

    /** Takes one of the bounded places for an answer in progress, or refuses at once. */
    private void enter() {
        if (!inFlight.tryAcquire()) {
            meters.counter("fonte.inflight.rejections").increment();
            throw new BusyException("too many questions are being answered; try again in a moment");
        }
    }

    @Override
    public Publisher<AnswerEvent> stream(Question question) {
        // the place is taken now, so a full house is a 503 before any event; it is given back when the stream ends
        enter();
        return Flux.<AnswerEvent>create(sink -> {
            Prepared prepared = prepare(question);
            sink.next(new AnswerEvent.Sources(prepared.sources().stream().map(s -> source(prepared.index(), s)).toList()));
            if (prepared.sources().isEmpty()) {
                finish(sink, complete(prepared, null), "");
                return;
            }
            CheckedStream handler = new CheckedStream(prepared, sink);
            sink.onCancel(handler::cancel);
            streamingModel.chat(ChatRequest.builder().messages(messages(prepared)).build(), handler);
        }).subscribeOn(Schedulers.boundedElastic()).doFinally(signal -> inFlight.release());
    }

    /** Emits what the answer adds to what was already streamed, then the final answer. */
    private static void finish(FluxSink<AnswerEvent> sink, Answer answer, String streamed) {
        if (answer.answer().startsWith(streamed)) {
            Chunks.words(answer.answer().substring(streamed.length())).forEach(piece -> sink.next(new AnswerEvent.Delta(piece)));
        }
        // otherwise the model fell back after it had started: the done event carries the answer that counts
        sink.next(new AnswerEvent.Done(answer));
        sink.complete();
    }

    /**
     * Streams a model's answer as it is written, but only what has been checked: each sentence is released once it
     * is complete (its closing punctuation and markers have arrived) and the citation checker accepts it. The checked
     * text only grows, so what was streamed stays a prefix of the final answer; the done event is the answer itself.
     */
    private final class CheckedStream implements StreamingChatResponseHandler, ResilientChatModel.FallbackListener {
        private final Prepared prepared;
        private final FluxSink<AnswerEvent> sink;
        private final StringBuilder text = new StringBuilder();
        private String streamed = "";
        private volatile StreamingHandle handle;
        private volatile boolean cancelled;

        CheckedStream(Prepared prepared, FluxSink<AnswerEvent> sink) {
            this.prepared = prepared;
            this.sink = sink;
        }

        @Override
        public synchronized void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            if (context != null) {
                handle = context.streamingHandle();
            }
            if (cancelled) {
                cancel();
                return;
            }
            text.append(partial.text());
            String complete = CitationChecker.completeSentences(text);
            if (complete.isEmpty()) {
                return;
            }
            CitationChecker.Checked checked = CitationChecker.check(complete, prepared.sources());
            String now = checked.grounded() ? checked.text() : "";
            if (now.length() > streamed.length() && now.startsWith(streamed)) {
                Chunks.words(now.substring(streamed.length())).forEach(piece -> sink.next(new AnswerEvent.Delta(piece)));
                streamed = now;
            }
        }

        @Override
        public void onPartialResponse(String partialResponse) {
            onPartialResponse(new PartialResponse(partialResponse), null);
        }

        @Override
        public synchronized void onFallback(FailureReason reason, boolean tokensDelivered) {
            // the fallback model starts over: what it writes is checked on its own
            text.setLength(0);
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            if (cancelled) {
                return;
            }
            ChatResponse checked = groundedOrFallback(prepared, response);
            String already;
            synchronized (this) {
                already = streamed;
            }
            finish(sink, complete(prepared, checked), already);
        }

        @Override
        public void onError(Throwable error) {
            if (cancelled) {
                return;
            }
            // the resilient model already fell back; this is the embedded default failing too
            sink.error(error);
        }

        void cancel() {
            cancelled = true;
            StreamingHandle h = handle;
            if (h != null && !h.isCancelled()) {
                h.cancel();
            }
        }
    }

    Prepared prepare(Question question) {
        PassageIndex index = indexes.current();
        String conversationId = conversationId(question);
        String text = question.text().strip();
        var last = memory.last(conversationId);
        double languageScore = LanguageDetector.score(text);
        String language = languageScore == 0 && last.isPresent() ? last.get().language()
                : LanguageDetector.detect(text);
        String standalone = FollowUpResolver.resolve(text, last.map(ConversationMemory.LastTurn::standaloneQuestion).orElse(null));
        Intent intent = Intent.of(text);
        boolean summary = intent == Intent.SUMMARY;
        boolean instruction = intent == Intent.INSTRUCTION;
        List<ScoredPassage> sources = index.corpus().isEmpty() || instruction ? List.of()
                : summary ? index.keySentences(language, extractive.summarySentences())
                : retriever.retrieve(standalone, language, retrieval.k());
        return new Prepared(conversationId, text, standalone, language,
                summary ? ChainPrompt.Task.SUMMARY : ChainPrompt.Task.ANSWER, sources, index, instruction);
    }

    /**
     * Asks the configured model; when a language model answered without a single valid citation (and did not refuse),
     * the embedded default answers instead, and {@code model} says so: an uncited answer is never presented as grounded.
     */
    ChatResponse generate(Prepared p) {
        return groundedOrFallback(p, generate(p, model));
    }

    /** The response itself when it is grounded or refuses; else the embedded default's answer, labelled so. */
    private ChatResponse groundedOrFallback(Prepared p, ChatResponse response) {
        if (response == null || ExtractiveChatModel.NAME.equals(response.modelName())
                || response.modelName() != null && response.modelName().startsWith(ExtractiveChatModel.NAME + " ")) {
            return response;
        }
        CitationChecker.Checked checked = CitationChecker.check(response.aiMessage().text(), p.sources());
        if (checked.grounded() || checked.refused()) {
            return response;
        }
        ChatResponse fallback = generate(p, extractiveModel);
        return ChatResponse.builder().aiMessage(fallback.aiMessage())
                .metadata(fallback.metadata().toBuilder().modelName(ExtractiveChatModel.NAME + " (fallback: "
                        + response.modelName() + " gave no valid citation)").build())
                .build();
    }

    private ChatResponse generate(Prepared p, ChatModel model) {
        if (p.sources().isEmpty()) {
            return null;
        }
        return model.chat(ChatRequest.builder().messages(messages(p)).build());
    }

    private List<ChatMessage> messages(Prepared p) {
        Corpus corpus = p.index().corpus();
        Map<String, String> contexts = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        for (ScoredPassage s : p.sources()) {
            contexts.put(s.passage().id(), corpus.paragraphOf(s.passage()).text());
            corpus.document(s.passage().documentId()).ifPresent(d -> {
                List<String> topics = corpus.topics(d.id());
                titles.put(s.passage().id(), topics.isEmpty() ? d.title() : d.title() + " (about: " + String.join(", ", topics) + ")");
            });
        }
        // a language model sees the conversation so far; the extractive model reads only the standalone question
        return ChainPrompt.messages(p.task(), p.question(), p.standalone(), p.language(),
                p.sources(), contexts, titles, memory.history(p.conversationId()));
    }

    Answer complete(Prepared p, ChatResponse response) {
        String modelName = response == null || response.modelName() == null ? ExtractiveChatModel.NAME : response.modelName();
        CitationChecker.Checked checked = response == null
                ? new CitationChecker.Checked("", List.of(), false, true, "")
                : CitationChecker.check(response.aiMessage().text(), p.sources());
        Answer answer;
        if (!checked.grounded()) {
            List<String> titles = p.index().corpus().documents().stream()
                    .filter(d -> d.language().equals(p.language())).map(Document::title).toList();
            if (titles.isEmpty()) {
                titles = p.index().corpus().documents().stream().filter(d -> !d.isTranslation()).map(Document::title).toList();
            }
            String message = p.instruction() && !titles.isEmpty() ? Refusals.instruction(p.language(), titles)
                    : Refusals.message(p.language(), checked.missing(), titles);
            answer = new Answer(p.conversationId(), message, false, p.language(), List.of(), modelName);
        } else {
            List<Citation> citations = new ArrayList<>();
            for (CitationChecker.Cited c : checked.cited()) {
                citations.add(citation(p.index().corpus(), c));
            }
            answer = new Answer(p.conversationId(), checked.text(), true, p.language(), citations, modelName);
        }
        record(p.standalone(), answer);
        return answer;
    }

    /** Remembers the turn for follow-ups and counts the answer. */
    private void record(String standalone, Answer answer) {
        memory.remember(answer.conversationId(), standalone, answer.language(), answer.answer());
        String modelName = answer.model();
        meters.counter("fonte.answers", "answered", Boolean.toString(answer.answered()), "language", answer.language(),
                "model", modelName.startsWith(ExtractiveChatModel.NAME) ? ExtractiveChatModel.NAME : modelName.split(":")[0])
                .increment();
    }

    static Citation citation(Corpus corpus, CitationChecker.Cited c) {
        Passage passage = c.source().passage();
        Document doc = corpus.document(passage.documentId()).orElseThrow();
        Citation.Original original = corpus.original(passage)
                .map(o -> new Citation.Original(o.documentId(), o.text(), o.start(), o.end())).orElse(null);
        return new Citation(c.n(), CitationIds.of(doc.id(), c.start(), c.end()), doc.id(), doc.title(),
                doc.text().substring(c.start(), c.end()), c.start(), c.end(), relevance(c.source().score()), original);
    }

    static AnswerEvent.Source source(PassageIndex index, ScoredPassage s) {
        Passage p = s.passage();
        String title = index.corpus().document(p.documentId()).map(Document::title).orElse(p.documentId());
        return new AnswerEvent.Source(CitationIds.of(p.documentId(), p.start(), p.end()), p.documentId(), title,
                p.text(), p.start(), p.end(), relevance(s.score()), p.id());
    }

    /** A retrieval score squashed into (0, 1), monotonic, rounded for display. */
    static double relevance(double score) {
        double r = score <= 0 ? 0 : score / (score + 1);
        return Math.round(r * 1000) / 1000.0;
    }
}
