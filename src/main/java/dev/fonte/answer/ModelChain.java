package dev.fonte.answer;

import dev.fonte.answer.extractive.ExtractiveAnswerModel;
import dev.fonte.answer.provider.ResilientChatModel;
import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Document;
import dev.fonte.corpus.Passage;
import dev.fonte.language.Languages;
import dev.fonte.retrieval.ScoredPassage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configured answer model with its fallback: the embedded extractive engine alone, or a language model (behind
 * {@link ResilientChatModel}'s deadline and breaker) whose every answer is checked, with the engine answering the same
 * request whenever the provider fails, cites nothing valid, or says nothing its citations support, labelled so in
 * {@code Answer.model}.
 *
 * <p>A language model's answer is checked twice: its markers ({@link CitationChecker}), then what each cited sentence
 * says against the span it cites ({@link Grounding}): an unsupported sentence is dropped, or fails the whole answer in
 * the stricter mode ({@link GroundingConfiguration}). Each drop and each fallback is logged once (the request's id is
 * in the logging context), and counted by reason ({@value #DROPPED}, {@value ResilientChatModel#FALLBACKS}).
 *
 * <p>Created at start, so that its configuration is checked before the first question.
 */
@Context
public class ModelChain {

    /** Sentences of a language model's answers dropped by the checks, tagged {@code provider} and {@code reason}. */
    public static final String DROPPED = "fonte.grounding.dropped";

    private static final Logger LOG = LoggerFactory.getLogger(ModelChain.class);

    private final ResilientChatModel provider;
    private final ExtractiveAnswerModel extractive;
    private final MeterRegistry meters;
    private final GroundingConfiguration grounding;
    private final Grounding check;

    @Inject
    public ModelChain(ResilientChatModel provider, ExtractiveAnswerModel extractive, MeterRegistry meters,
                      GroundingConfiguration grounding, Languages languages) {
        this.provider = provider;
        this.extractive = extractive;
        this.meters = meters;
        this.grounding = grounding;
        this.check = new Grounding(languages, grounding.minWordShare());
    }

    /** With the default grounding check, for code that builds the chain without an application context. */
    public ModelChain(ResilientChatModel provider, ExtractiveAnswerModel extractive, MeterRegistry meters) {
        this(provider, extractive, meters, GroundingConfiguration.defaults(), Languages.standard());
    }

    /** Whether a language model answers (else the embedded engine does, at once). */
    public boolean hasProvider() {
        return provider.hasProvider();
    }

    public ExtractiveAnswerModel extractive() {
        return extractive;
    }

    /**
     * The request as the configured model reads it. For a language model: the retrieved sources, then the sentences
     * of their contexts as sources of their own, numbered after them, so that a fact read around a source has a span
     * to cite. For the embedded engine, the request itself.
     */
    public AnswerRequest citable(AnswerRequest request) {
        if (!hasProvider()) {
            return request;
        }
        Corpus corpus = request.index().corpus();
        List<AnswerRequest.Source> sources = new ArrayList<>(request.sources());
        Set<String> numbered = new HashSet<>();
        request.sources().forEach(s -> numbered.add(s.passage().id()));
        for (AnswerRequest.Source s : request.sources()) {
            if (s.context() == null || s.passage().kind() != Passage.Kind.SENTENCE) {
                continue;
            }
            for (Passage p : corpus.sentencesOf(corpus.paragraphOf(s.passage()))) {
                if (s.context().contains(p.text()) && numbered.add(p.id())) {
                    sources.add(new AnswerRequest.Source(sources.size() + 1,
                            new ScoredPassage(p, s.retrieved().score()), s.document(), null, s));
                }
            }
        }
        return new AnswerRequest(request.task(), request.question(), request.standalone(), request.language(),
                sources, request.history(), request.index());
    }

    /** The request as retrieval made it: without the sentences {@link #citable} added. */
    static AnswerRequest retrieved(AnswerRequest request) {
        List<AnswerRequest.Source> retrieved = request.sources().stream().filter(AnswerRequest.Source::isRetrieved)
                .toList();
        return retrieved.size() == request.sources().size() ? request : new AnswerRequest(request.task(),
                request.question(), request.standalone(), request.language(), retrieved, request.history(),
                request.index());
    }

    /** The configured model's draft, or the embedded engine's, labelled with what wrote it. */
    public Draft draft(AnswerRequest request) {
        if (!provider.hasProvider()) {
            return extractive.draft(retrieved(request));
        }
        ExtractiveFallback fallback = new ExtractiveFallback(request);
        ChatResponse response = provider.chat(chatRequest(request), fallback.chat());
        if (fallback.draft() != null) {
            return fallback.draft().withModel(response.modelName());
        }
        return groundedOrFallback(request, response.aiMessage().text(), response.modelName());
    }

    /**
     * Streams the configured model's answer to {@code handler}; the fallback, when it answers, is told as such.
     *
     * @return the handle that stops the model's call
     */
    StreamingHandle stream(AnswerRequest request, StreamingChatResponseHandler handler, ExtractiveFallback fallback) {
        return provider.chat(chatRequest(request), handler, fallback.streaming());
    }

    static ChatRequest chatRequest(AnswerRequest request) {
        return ChatRequest.builder().messages(ChainPrompt.messages(request)).build();
    }

    /** A model's text once read and checked, and the sentences the checks dropped. */
    public record Checked(Draft draft, List<Dropped> dropped) {
    }

    /** A sentence the checks dropped, and why: {@code no valid citation}, or what its spans do not say. */
    public record Dropped(String sentence, String reason, String why) {
        static final String UNCITED = "no_citation";
        static final String UNSUPPORTED = "unsupported";
    }

    /**
     * Reads a model's text against the request's sources: its markers, then what each cited sentence says against
     * its spans. Without side effects: a stream re-reads its text as it grows.
     */
    public Checked check(String text, AnswerRequest request, String model) {
        CitationChecker.Reading reading = CitationChecker.reading(text, request.sources(), model);
        List<Dropped> dropped = new ArrayList<>();
        for (int i = 0; i < reading.uncited(); i++) {
            dropped.add(new Dropped("", Dropped.UNCITED, CitationChecker.UNGROUNDED));
        }
        Draft draft = reading.draft();
        if (!draft.answered() || grounding.level() == GroundingConfiguration.Mode.OFF) {
            return new Checked(draft, dropped);
        }
        List<Draft.Sentence> kept = new ArrayList<>();
        for (Draft.Sentence s : draft.sentences()) {
            Grounding.Verdict verdict = check.check(s.text(), request.language(), spans(s, request),
                    request.index()::queryAnalyzer);
            if (verdict.supported()) {
                kept.add(s);
            } else {
                dropped.add(new Dropped(s.text(), Dropped.UNSUPPORTED, verdict.missing()));
            }
        }
        boolean strict = grounding.level() == GroundingConfiguration.Mode.ANSWER && !dropped.isEmpty();
        if (kept.isEmpty() || strict) {
            return new Checked(Draft.refused(model, new Draft.Refusal(null, List.of(), Grounding.UNSUPPORTED)),
                    dropped);
        }
        return new Checked(Draft.answered(model, kept), dropped);
    }

    /** The spans a sentence cites, with the aligned original of a translation, and what their documents are about. */
    private static List<Grounding.Span> spans(Draft.Sentence sentence, AnswerRequest request) {
        Corpus corpus = request.index().corpus();
        List<Grounding.Span> spans = new ArrayList<>();
        for (Draft.Cite c : sentence.cites()) {
            AnswerRequest.Source source = request.source(c.source());
            Document doc = source.document();
            spans.add(new Grounding.Span(doc.text().substring(c.start(), c.end()), doc.language(),
                    subject(corpus, doc)));
            corpus.original(source.passage()).ifPresent(o -> corpus.document(o.documentId()).ifPresent(original ->
                    spans.add(new Grounding.Span(o.text(), original.language(), subject(corpus, original)))));
        }
        return spans;
    }

    private static Set<String> subject(Corpus corpus, Document doc) {
        return Grounding.subject(doc.title(), corpus.topics(doc.id()));
    }

    /**
     * The checked draft of a model's final text; when nothing of it stands (no valid citation, nothing supported, or
     * one unsupported sentence in the stricter mode), the embedded engine's draft instead, labelled so: an answer
     * that its citations do not hold is never presented as grounded. Drops and fallbacks are logged and counted.
     */
    Draft groundedOrFallback(AnswerRequest request, String text, String model) {
        Checked checked = check(text, request, model);
        String tag = provider.providerTag();
        for (Dropped d : checked.dropped()) {
            meters.counter(DROPPED, "provider", tag, "reason", d.reason()).increment();
        }
        Draft draft = checked.draft();
        String reason = draft.answered() ? "" : draft.refusal().reason();
        boolean fallsBack = CitationChecker.UNGROUNDED.equals(reason) || Grounding.UNSUPPORTED.equals(reason);
        String unsupported = checked.dropped().stream().filter(d -> d.reason().equals(Dropped.UNSUPPORTED))
                .map(d -> "\"" + d.sentence() + "\" (" + d.why() + ")").collect(Collectors.joining("; "));
        long uncited = checked.dropped().stream().filter(d -> d.reason().equals(Dropped.UNCITED)).count();
        String why = (uncited == 0 ? "" : uncited + " citing nothing valid")
                + (uncited > 0 && !unsupported.isEmpty() ? "; " : "")
                + (unsupported.isEmpty() ? "" : "unsupported by their spans: " + unsupported);
        if (!fallsBack) {
            if (draft.answered() && !checked.dropped().isEmpty()) {
                LOG.info("{}: {} sentence(s) dropped: {}", model, checked.dropped().size(), why);
            }
            return draft;
        }
        meters.counter(ResilientChatModel.FALLBACKS, "provider", tag, "reason",
                CitationChecker.UNGROUNDED.equals(reason) ? Dropped.UNCITED : Dropped.UNSUPPORTED).increment();
        LOG.warn("{} {}{}; {} answers instead", model, reason, why.isEmpty() ? "" : " (" + why + ")",
                ExtractiveAnswerModel.NAME);
        return extractive.draft(retrieved(request)).withModel(ExtractiveAnswerModel.NAME + " (fallback: " + model + " "
                + reason + ")");
    }

    /** The embedded engine answering one request, as the chat model the provider's guard falls back to. */
    final class ExtractiveFallback {
        private final AnswerRequest request;
        private volatile Draft draft;

        /** @param request the request as the language model reads it; the engine answers it as retrieved */
        ExtractiveFallback(AnswerRequest request) {
            this.request = retrieved(request);
        }

        /** The engine's draft once the fallback has answered; null while it has not. */
        Draft draft() {
            return draft;
        }

        private ChatResponse answer() {
            draft = extractive.draft(request);
            String text = draft.answered() ? AnswerRenderer.plain(draft) : ChainPrompt.NOT_IN_SOURCES;
            return ChatResponse.builder().aiMessage(AiMessage.from(text)).modelName(ExtractiveAnswerModel.NAME)
                    .finishReason(FinishReason.STOP).build();
        }

        ChatModel chat() {
            return new ChatModel() {
                @Override
                public ChatResponse doChat(ChatRequest chatRequest) {
                    return answer();
                }
            };
        }

        StreamingChatModel streaming() {
            return new StreamingChatModel() {
                @Override
                public void doChat(ChatRequest chatRequest, StreamingChatResponseHandler handler) {
                    // the engine answers at once: the service streams its final answer itself
                    handler.onCompleteResponse(answer());
                }
            };
        }
    }
}
