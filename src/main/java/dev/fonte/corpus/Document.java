package dev.fonte.corpus;

import io.micronaut.core.annotation.Nullable;

/**
 * A cleaned document of the corpus. Every passage's offsets index into {@link #text()}.
 *
 * @param id            stable id derived from the file name (lowercase, [a-z0-9-]), e.g. {@code meta-ai-2025-it}
 * @param language      ISO 639-1 code, e.g. "it"
 * @param translationOf id of the document this one translates, aligned paragraph by paragraph; null for an original
 * @param translatedBy  for a machine translation, the model that wrote it (e.g. {@code openai:gpt-4o-mini}); null for
 *                      text written by people, hand renderings included
 */
public record Document(String id, String title, String language, @Nullable String source, @Nullable String date,
                       @Nullable String translationOf, String text, @Nullable String translatedBy) {

    public Document {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("bad document id: " + id);
        }
        if (translatedBy != null && translationOf == null) {
            throw new IllegalArgumentException("a machine translation must name its original: " + id);
        }
    }

    /** A document written by people: an original, or a hand rendering. */
    public Document(String id, String title, String language, @Nullable String source, @Nullable String date,
                    @Nullable String translationOf, String text) {
        this(id, title, language, source, date, translationOf, text, null);
    }

    public boolean isTranslation() {
        return translationOf != null;
    }

    /** Whether a model, not a person, wrote this translation: its quotes are the model's words. */
    public boolean isMachineTranslation() {
        return translatedBy != null;
    }
}
