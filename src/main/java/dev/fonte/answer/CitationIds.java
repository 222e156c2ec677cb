package dev.fonte.answer;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Citation ids name an exact span: {@code <documentId>:<start>-<end>}, e.g. {@code meta-ai-2025-it:812-930}. */
public final class CitationIds {

    private static final Pattern ID = Pattern.compile("([a-z0-9][a-z0-9-]{0,127}):(\\d{1,9})-(\\d{1,9})");

    /** A parsed citation id. */
    public record Span(String documentId, int start, int end) {
    }

    private CitationIds() {
    }

    public static String of(String documentId, int start, int end) {
        return documentId + ":" + start + "-" + end;
    }

    /** Empty when the id is not of the citation form. */
    public static Optional<Span> parse(String id) {
        Matcher m = ID.matcher(id == null ? "" : id);
        if (!m.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(2));
        int end = Integer.parseInt(m.group(3));
        return start < end ? Optional.of(new Span(m.group(1), start, end)) : Optional.empty();
    }
}
