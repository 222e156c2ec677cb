package dev.fonte.answer;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.fonte.corpus.Document;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One cited span of the corpus. {@code documents/{documentId}.text.substring(start, end)} equals {@code text}.
 *
 * @param n        the marker number used in the answer text ({@code [n]}), 1-based, in order of first use
 * @param id       resolvable by {@code GET /api/citations/{id}}
 * @param original           for a passage of a translation, the aligned span of the original document; else null
 * @param machineTranslation true when {@code text} is a language model's translation of {@code original}, not words
 *                           of a source; else null (absent from the JSON)
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Citation(int n, String id, String documentId, String title, String text,
                       int start, int end, double score, @Nullable Original original,
                       @Nullable Boolean machineTranslation) {

    public Citation(int n, String id, String documentId, String title, String text, int start, int end, double score,
                    @Nullable Original original) {
        this(n, id, documentId, title, text, start, end, score, original, null);
    }

    /** The {@code machineTranslation} field of a span of {@code document}: true, or null (absent) for people's text. */
    @Nullable
    public static Boolean machineTranslation(Document document) {
        return document.isMachineTranslation() ? Boolean.TRUE : null;
    }

    /** The aligned span of the source-language original, so a reader can check the source itself. */
    @Serdeable
    public record Original(String documentId, String text, int start, int end) {
    }
}
