package dev.fonte.answer;

import dev.fonte.language.Language;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a follow-up question against the previous turn without a language model: a short question that leans on
 * what came before ("E l'anno scorso?", "And who invested in it?", by its language's cues) is completed with the
 * previous question's words, minus those the follow-up replaces (a new time replaces the old one, a new name the old
 * name). The result is bounded, however long the conversation.
 */
final class FollowUps {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    /** A capitalised word after the first: a name. */
    private static final Pattern NAME = Pattern.compile("(?<=\\s)\\p{Lu}[\\p{L}\\p{N}]+");
    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");

    private final ConversationConfiguration config;

    FollowUps(ConversationConfiguration config) {
        this.config = config;
    }

    /** The standalone form of {@code question}: itself, or itself completed with the previous standalone question. */
    String resolve(String question, String previousStandalone, Language language) {
        if (previousStandalone == null || !isFollowUp(question, language)) {
            return question;
        }
        String carried = previousStandalone;
        if (speaksOfTime(question, language)) {
            carried = withoutTimes(carried, language);
        }
        if (NAME.matcher(question).find()) {
            carried = NAME.matcher(carried).replaceAll(" ");
        }
        carried = carried.replaceAll("[?!.]", " ").replaceAll("\\s+", " ").strip();
        return bounded(question.strip() + " " + carried);
    }

    boolean isFollowUp(String question, Language language) {
        long words = WORD.matcher(question).results().count();
        String q = question.strip();
        boolean leans = startsWith(language.followUp().openers().matcher(q)) || language.followUp().references().in(q);
        return words <= config.followUpWords() && leans || words <= config.followUpAlwaysWords();
    }

    private static boolean startsWith(Matcher m) {
        return m.find() && m.start() == 0;
    }

    private static boolean speaksOfTime(String text, Language language) {
        Language.TimeWords t = language.time();
        return YEAR.matcher(text).find() || t.thisYear().in(text) || t.lastYear().in(text) || t.nextYear().in(text)
                || t.months().in(text) || t.words().in(text);
    }

    private static String withoutTimes(String text, Language language) {
        Language.TimeWords t = language.time();
        String out = YEAR.matcher(text).replaceAll(" ");
        for (var p : java.util.List.of(t.thisYear(), t.lastYear(), t.nextYear(), t.months(), t.words(), t.since())) {
            out = p.matcher(out).replaceAll(" ");
        }
        return out;
    }

    /** At most the configured number of words: the new question first, then as much of what it carries as fits. */
    private String bounded(String standalone) {
        Matcher m = WORD.matcher(standalone);
        int count = 0;
        while (m.find()) {
            if (++count > config.maxStandaloneWords()) {
                return standalone.substring(0, m.start()).strip();
            }
        }
        return standalone;
    }
}
