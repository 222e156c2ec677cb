package dev.fonte.corpus;

import io.micronaut.core.annotation.Nullable;

/**
 * A cleaned document of the corpus. Every passage's offsets index into {@link #text()}.
 *
 * @param id            stable id derived from the file name (lowercase, [a-z0-9-]), e.g. {@code meta-ai-2025-it}
 * @param language      ISO 639-1 code, e.g. "it"
 * @param translationOf id of the document this one translates, aligned paragraph by paragraph; null for an original
 */
public record Document(String id, String title, String language, @Nullable String source, @Nullable String date,
                       @Nullable String translationOf, String text) {

    public Document {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("bad document id: " + id);
        }
    }

    public boolean isTranslation() {
        return translationOf != null;
    }
}
