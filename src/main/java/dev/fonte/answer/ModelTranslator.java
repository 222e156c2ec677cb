package dev.fonte.answer;

import dev.fonte.answer.provider.FailureReason;
import dev.fonte.answer.provider.ModelProviderFactory;
import dev.fonte.answer.provider.ProviderConfiguration;
import dev.fonte.corpus.TranslationException;
import dev.fonte.corpus.Translator;
import dev.fonte.corpus.translation.TranslationConfiguration;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.Locale;

/**
 * Translates corpus text with the configured provider's {@link ChatModel}, called directly: a translation has no
 * fallback (the embedded default cannot translate), so a failure is reported to ingestion, which then serves the
 * document in its own language.
 */
@Singleton
@Requires(property = ProviderConfiguration.PREFIX + ".provider", pattern = "ollama|openai|anthropic")
public class ModelTranslator implements Translator {

    /** Changes with the prompt's wording: translations kept under an older prompt are not reused. */
    static final String PROMPT_VERSION = "1";

    static final String SYSTEM = """
            You translate news text from %s into %s.
            Reply with the translation only: no introduction, no notes, no quotation marks around it.
            The text has %d line(s): reply with exactly as many lines, each the translation of the line in the \
            same place.
            Keep every name, number, date and punctuation mark as written; never convert, round or add a figure.
            """;

    private final ChatModel model;
    private final ProviderConfiguration provider;
    private final int maxTokens;

    public ModelTranslator(@Named(ModelProviderFactory.PROVIDER) ChatModel model, ProviderConfiguration provider,
                           TranslationConfiguration configuration) {
        this.model = model;
        this.provider = provider;
        this.maxTokens = configuration.maxTokens();
    }

    @Override
    public String translate(String text, String from, String to) {
        long lines = text.lines().count();
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(SYSTEM.formatted(languageName(from), languageName(to), lines)),
                        UserMessage.from(text))
                .maxOutputTokens(maxTokens)
                .build();
        ChatResponse response;
        try {
            response = model.chat(request);
        } catch (RuntimeException e) {
            throw new TranslationException(name() + " " + FailureReason.of(e).phrase(), e);
        }
        if (response.finishReason() == FinishReason.LENGTH) {
            throw new TranslationException(name() + " stopped at the token limit (" + maxTokens + ")");
        }
        String reply = response.aiMessage() == null ? null : response.aiMessage().text();
        if (reply == null || reply.isBlank()) {
            throw new TranslationException(name() + " " + FailureReason.EMPTY.phrase());
        }
        return reply.strip();
    }

    @Override
    public String name() {
        return provider.label();
    }

    @Override
    public String identity() {
        return String.join("|", provider.kind().id(), provider.modelOrDefault(),
                String.valueOf(provider.baseUrlOrNull()), "prompt " + PROMPT_VERSION);
    }

    /** The language's English name, as the prompt is written in English: "Italian" for {@code it}. */
    private static String languageName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isBlank() ? code : name;
    }
}
