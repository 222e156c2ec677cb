package dev.fonte.slack;

import dev.fonte.answer.Answer;
import dev.fonte.answer.Citation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an {@link Answer} as Block Kit blocks, as plain JSON maps ready to post ({@code chat.postMessage},
 * a {@code response_url}, or the {@code blocks} of {@code POST /api/chat} with {@code "format": "slack"}).
 * <p>
 * Layout: a notice when the article does not cover the question, the answer text (markers kept as {@code [n]}) in
 * one or more sections, then a "Sources" / "Fonti" header and one section per citation quoting its exact span. The
 * fixed texts are in the answer's language ({@link SlackMessages}).
 * Block Kit's limits hold: a section's text is at most {@value #MAX_SECTION_TEXT} characters (long text is split at
 * sentence, else word, boundaries), a message has at most {@value #MAX_BLOCKS} blocks, and {@code &}, {@code <},
 * {@code >} are escaped so user or corpus text never turns into a mention or a link.
 */
public final class SlackBlocks {

    /** Block Kit: a section's text field holds at most 3000 characters. */
    public static final int MAX_SECTION_TEXT = 3000;
    /** Block Kit: a message holds at most 50 blocks. */
    public static final int MAX_BLOCKS = 50;
    /** Block Kit: a header's plain text holds at most 150 characters. */
    static final int MAX_HEADER_TEXT = 150;

    private SlackBlocks() {
    }

    public static List<Map<String, Object>> render(Answer answer) {
        return render(answer, SlackMessages.in(answer.language()), List.of());
    }

    /**
     * The answer to a slash command as the channel sees it: who asked what, above the answer (the command itself is
     * not shown in the channel, so without this line nobody knows what is being answered).
     */
    public static List<Map<String, Object>> renderAsked(Answer answer, String userId, String question) {
        SlackMessages messages = SlackMessages.in(answer.language());
        return render(answer, messages, List.of(context(messages.asked(userId, question))));
    }

    private static List<Map<String, Object>> render(Answer answer, SlackMessages messages,
                                                    List<Map<String, Object>> first) {
        List<Map<String, Object>> blocks = new ArrayList<>(first);
        if (!answer.answered()) {
            blocks.add(context(messages.notCovered()));
        }
        String text = answer.answer() == null ? "" : answer.answer().strip();
        for (String part : split(escape(text), MAX_SECTION_TEXT)) {
            blocks.add(section(part));
        }
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Citation citation : answer.citations()) {
            sources.add(section(source(citation)));
        }
        if (!sources.isEmpty()) {
            blocks.add(header(messages.sources()));
            blocks.addAll(sources);
        }
        return withinBlockLimit(blocks, messages);
    }

    /** Plain text for notifications and clients that do not show blocks (the {@code text} beside {@code blocks}). */
    public static String fallbackText(Answer answer) {
        String text = answer.answer() == null ? "" : answer.answer().strip();
        return truncate(escape(text), MAX_SECTION_TEXT);
    }

    /** The notification text of a slash command's answer: the question, then the answer. */
    public static String fallbackTextAsked(Answer answer, String userId, String question) {
        String asked = SlackMessages.in(answer.language()).asked(userId, question);
        return truncate(asked + "\n" + escape(answer.answer() == null ? "" : answer.answer().strip()),
                MAX_SECTION_TEXT);
    }

    /** Slack's escaping for text it would otherwise read as markup: {@code &}, {@code <}, {@code >}. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String source(Citation citation) {
        String prefix = "[" + citation.n() + "] _" + oneLine(escape(citation.title())) + "_:\n";
        String quote = "> " + oneLine(escape(citation.text()));
        return truncate(prefix + quote, MAX_SECTION_TEXT);
    }

    /** A quote spans one line in mrkdwn; a newline in the span would end the quote. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static List<Map<String, Object>> withinBlockLimit(List<Map<String, Object>> blocks,
                                                              SlackMessages messages) {
        if (blocks.size() <= MAX_BLOCKS) {
            return List.copyOf(blocks);
        }
        List<Map<String, Object>> kept = new ArrayList<>(blocks.subList(0, MAX_BLOCKS - 1));
        kept.add(context(messages.moreBlocks(blocks.size() - kept.size())));
        return List.copyOf(kept);
    }

    /**
     * Splits text into pieces of at most {@code limit} characters: at the last sentence end before the limit, else
     * the last whitespace, else (one unbroken word) at the limit, never inside an {@code &amp;}-style entity.
     */
    static List<String> split(String text, int limit) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (rest.length() > limit) {
            int cut = lastSentenceEnd(rest, limit);
            if (cut <= 0) {
                cut = lastWhitespace(rest, limit);
            }
            if (cut <= 0) {
                cut = outsideEntity(rest, limit);
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty() || parts.isEmpty()) {
            parts.add(rest);
        }
        return parts;
    }

    /** Index just after the last ". ", "! ", "? " (or a line break) that keeps the piece within the limit. */
    private static int lastSentenceEnd(String text, int limit) {
        for (int i = Math.min(limit, text.length() - 1); i > limit / 2; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return i;
            }
            if (Character.isWhitespace(c) && i <= limit) {
                char before = text.charAt(i - 1);
                if (before == '.' || before == '!' || before == '?' || before == ']') {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int lastWhitespace(String text, int limit) {
        for (int i = Math.min(limit, text.length() - 1); i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int outsideEntity(String text, int limit) {
        int amp = text.lastIndexOf('&', limit - 1);
        if (amp >= 0 && amp > limit - 5 && text.indexOf(';', amp) >= limit) {
            return amp;
        }
        return limit;
    }

    private static String truncate(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int cut = lastWhitespace(text, limit - 1);
        if (cut <= 0) {
            cut = outsideEntity(text, limit - 1);
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

    private static Map<String, Object> section(String mrkdwn) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "section");
        block.put("text", Map.of("type", "mrkdwn", "text", mrkdwn));
        return block;
    }

    private static Map<String, Object> header(String plainText) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "header");
        block.put("text", Map.of("type", "plain_text", "text", plainText.length() > MAX_HEADER_TEXT
                ? plainText.substring(0, MAX_HEADER_TEXT) : plainText));
        return block;
    }

    private static Map<String, Object> context(String mrkdwn) {
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "context");
        block.put("elements", List.of(Map.of("type", "mrkdwn", "text", mrkdwn)));
        return block;
    }
}
