package dev.fonte.answer.provider;

import java.util.Locale;

/** The answer models Fonte can be configured with ({@code fonte.answer.provider}). */
public enum Provider {
    /** The embedded default: no network, no weights. Also the fallback of every other provider. */
    EXTRACTIVE,
    /** A local Ollama server ({@code /api/chat}). */
    OLLAMA,
    /** OpenAI, or any server speaking its protocol (llama.cpp, vLLM, LM Studio) through the base URL. */
    OPENAI,
    /** Anthropic's Messages API. */
    ANTHROPIC;

    /** The configuration value and metric tag: lower case, e.g. {@code openai}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
