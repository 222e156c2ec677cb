package dev.fonte.slack;

import dev.fonte.language.Languages;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The few fixed texts the Slack app says itself (acknowledgement, usage, errors, the sources header), in one language:
 * {@code dev/fonte/slack/messages_<code>.properties}, English as the base. A question's language is told by the
 * language packs ({@link Languages}); an answer carries its own.
 */
final class SlackMessages {

    private static final String BUNDLE = "dev.fonte.slack.messages";
    // no fallback to the JVM's default locale: a language without its own file gets the base, English
    private static final ResourceBundle.Control BASE_ONLY =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle texts;

    private SlackMessages(ResourceBundle texts) {
        this.texts = texts;
    }

    static SlackMessages in(String languageCode) {
        Locale locale = languageCode == null ? Locale.ROOT : Locale.forLanguageTag(languageCode);
        return new SlackMessages(ResourceBundle.getBundle(BUNDLE, locale, BASE_ONLY));
    }

    /** The texts in the language the question is written in. */
    static SlackMessages forQuestion(String question) {
        return question == null || question.isBlank() ? in(null) : in(Languages.standard().detect(question).code());
    }

    String lookingItUp(String question) {
        return format("lookingItUp", SlackBlocks.escape(question));
    }

    String busy() {
        return texts.getString("busy");
    }

    String failed() {
        return texts.getString("failed");
    }

    String tooLong(int limit) {
        return format("tooLong", limit);
    }

    String notInstalled() {
        return texts.getString("notInstalled");
    }

    String notCovered() {
        return texts.getString("notCovered");
    }

    String sources() {
        return texts.getString("sources");
    }

    String moreBlocks(int dropped) {
        return format("moreBlocks", dropped);
    }

    /** Who asked what, above a slash command's answer in the channel; mrkdwn, the question escaped. */
    String asked(String userId, String question) {
        return userId == null || userId.isBlank()
                ? format("askedAnonymous", SlackBlocks.escape(question))
                : format("asked", userId, SlackBlocks.escape(question));
    }

    /** True when the text after the command is empty or a word asking for the usage. */
    static boolean asksForHelp(String text) {
        String asked = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return asked.isEmpty() || java.util.Arrays.stream(in(null).texts.getString("helpWords").split(","))
                .map(String::strip).anyMatch(asked::equals);
    }

    /** Usage; mrkdwn, so {@code <} and {@code >} are escaped as Slack requires. */
    String help(String command) {
        return format("help", command == null || command.isBlank() ? "/fonte" : SlackBlocks.escape(command));
    }

    private String format(String key, Object... args) {
        return String.format(Locale.ROOT, texts.getString(key), args);
    }
}
