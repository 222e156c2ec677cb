package dev.fonte.corpus;

/**
 * A span of a document: a paragraph, or a sentence within one.
 * {@code document.text().substring(start, end).equals(text)} always holds.
 *
 * @param id        stable across restarts and corpus additions: {@code <documentId>.p<paragraph>} for a paragraph,
 *                  {@code <documentId>.p<paragraph>.s<sentence>} for a sentence (both 1-based)
 * @param paragraph 1-based index of the paragraph in its document
 * @param sentence  1-based index of the sentence in its paragraph; 0 for a paragraph passage
 */
public record Passage(String id, String documentId, Kind kind, int paragraph, int sentence,
                      int start, int end, String text) {

    public enum Kind { PARAGRAPH, SENTENCE }

    public Passage {
        if (start < 0 || end < start || text.length() != end - start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end + " for " + id);
        }
    }

    public static String paragraphId(String documentId, int paragraph) {
        return documentId + ".p" + paragraph;
    }

    public static String sentenceId(String documentId, int paragraph, int sentence) {
        return paragraphId(documentId, paragraph) + ".s" + sentence;
    }

    public String paragraphId() {
        return paragraphId(documentId, paragraph);
    }

    /**
     * A heading or a fragment rather than a statement: it ends with no closing punctuation ("Il ponte sospeso più lungo
     * del mondo", "Dalle missioni in Perù al Vaticano").
     */
    public boolean unpunctuated() {
        String t = text.strip();
        return !t.isEmpty() && ".!?…:;»\"”)'’".indexOf(t.charAt(t.length() - 1)) < 0;
    }
}
