package dev.fonte.answer;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.Passage;
import dev.fonte.language.Language;
import dev.fonte.language.Languages;
import dev.fonte.retrieval.IndexManager;
import dev.fonte.retrieval.PassageIndex;
import dev.fonte.retrieval.PassageRetriever;
import dev.fonte.retrieval.RetrievalConfiguration;
import dev.fonte.retrieval.ScoredPassage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Everything decided before a model is called: the question's language (or the conversation's, when the question
 * alone does not tell), its standalone form in a conversation, what it asks for (an answer, a summary, or an order
 * that is refused), and the numbered sources retrieved for it.
 */
@Singleton
public class QuestionPreparer {

    /** A prepared question: the request for the model, and what the service needs around it. */
    public record Prepared(String conversationId, AnswerRequest request, Intent intent) {
        boolean instruction() {
            return intent == Intent.INSTRUCTION;
        }
    }

    private final IndexManager indexes;
    private final PassageRetriever retriever;
    private final ConversationMemory memory;
    private final RetrievalConfiguration retrieval;
    private final ExtractiveConfiguration extractive;
    private final Languages languages;
    private final FollowUps followUps;

    public QuestionPreparer(IndexManager indexes, PassageRetriever retriever, ConversationMemory memory,
                            RetrievalConfiguration retrieval, ExtractiveConfiguration extractive,
                            ConversationConfiguration conversations, Languages languages) {
        this.indexes = indexes;
        this.retriever = retriever;
        this.memory = memory;
        this.retrieval = retrieval;
        this.extractive = extractive;
        this.languages = languages;
        this.followUps = new FollowUps(conversations, languages);
    }

    public Prepared prepare(Question question) {
        PassageIndex index = indexes.current();
        String conversationId = question.conversationId() == null || question.conversationId().isBlank()
                ? UUID.randomUUID().toString() : question.conversationId();
        String text = question.text().strip();
        Optional<ConversationMemory.LastTurn> last = memory.last(conversationId);
        Language language = languages.recognise(text, index::uses)
                .or(() -> last.flatMap(l -> languages.find(l.language())))
                .orElse(languages.defaultLanguage());
        String standalone = followUps.resolve(text, last.orElse(null), language);
        Intent intent = Intent.of(text, language, languages);
        List<ScoredPassage> found = index.corpus().isEmpty() || intent == Intent.INSTRUCTION ? List.of()
                : intent == Intent.SUMMARY ? index.keySentences(language.code(), extractive.summarySentences())
                : retriever.retrieve(standalone, language.code(), retrieval.k());
        AnswerRequest.Task task = intent == Intent.SUMMARY ? AnswerRequest.Task.SUMMARY : AnswerRequest.Task.ANSWER;
        AnswerRequest request = new AnswerRequest(task, text, standalone, language, sources(index.corpus(), found),
                history(conversationId), index);
        return new Prepared(conversationId, request, intent);
    }

    private List<AnswerRequest.Source> sources(Corpus corpus, List<ScoredPassage> found) {
        List<AnswerRequest.Source> out = new ArrayList<>();
        for (ScoredPassage s : found) {
            corpus.document(s.passage().documentId()).ifPresent(d ->
                    out.add(new AnswerRequest.Source(out.size() + 1, s, d, context(corpus, s.passage()))));
        }
        return out;
    }

    /** The sentences around a passage in its paragraph, a bounded window whatever the paragraph's length. */
    private String context(Corpus corpus, Passage passage) {
        List<Passage> siblings = corpus.sentencesOf(corpus.paragraphOf(passage));
        int at = Math.max(0, passage.sentence() - 1);
        int window = extractive.contextSentences();
        return siblings.subList(Math.max(0, at - window), Math.min(siblings.size(), at + window + 1)).stream()
                .map(Passage::text).collect(Collectors.joining(" "));
    }

    /** Earlier turns, oldest first; answers without their markers, which pointed at another turn's sources. */
    private List<AnswerRequest.Turn> history(String conversationId) {
        List<AnswerRequest.Turn> turns = new ArrayList<>();
        String question = null;
        for (ChatMessage m : memory.history(conversationId)) {
            if (m instanceof UserMessage u) {
                question = u.singleText();
            } else if (m instanceof AiMessage a && question != null) {
                turns.add(new AnswerRequest.Turn(question, a.text().replaceAll("\\s*\\[\\d+]", "")));
                question = null;
            }
        }
        return turns;
    }
}
