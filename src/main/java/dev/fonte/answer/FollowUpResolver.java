package dev.fonte.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves a follow-up question against the previous turn without a language model: a short question that leans
 * on what came before ("E l'anno scorso?", "And who invested in it?") is completed with the previous question's
 * words, minus those the follow-up replaces (a new time replaces the old one, a new name the old name).
 */
final class FollowUpResolver {

    private static final Pattern LEANS_ON_PREVIOUS = Pattern.compile(
            "(?i)^(e|ed|ma|anche|invece|and|but|also|what about|how about|same|what of)\\b"
                    + "|\\b(it|its|they|them|their|this|that|these|those|there|esso|essa|essi|questo|questa|questi|"
                    + "quello|quella|quelli|lo|la|li|le|ne|ci|loro|suo|sua|suoi|sue)\\b");
    private static final Pattern TIME = Pattern.compile(
            "(?i)\\b((19|20)\\d{2}|quest['’]anno|l['’]anno scorso|anno scorso|l['’]anno prossimo|this year|last year|"
                    + "next year|entro la fine dell['’]anno|by the end of the year|oggi|today|nel|in)\\b");
    private static final Pattern NAME = Pattern.compile("(?<=\\s)\\p{Lu}\\p{L}+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MAX_FOLLOW_UP_WORDS = 7;

    private FollowUpResolver() {
    }

    /** The standalone form of {@code question}: itself, or itself completed with the previous question. */
    static String resolve(String question, String previousStandalone) {
        if (previousStandalone == null || !isFollowUp(question)) {
            return question;
        }
        String carried = previousStandalone;
        if (TIME.matcher(question).find()) {
            carried = TIME.matcher(carried).replaceAll(" ");
        }
        if (NAME.matcher(question).find()) {
            carried = NAME.matcher(carried).replaceAll(" ");
        }
        carried = carried.replaceAll("[?!.]", " ").replaceAll("\\s+", " ").strip();
        return question.strip() + " " + carried;
    }

    static boolean isFollowUp(String question) {
        long words = WORD.matcher(question).results().count();
        return words <= MAX_FOLLOW_UP_WORDS && LEANS_ON_PREVIOUS.matcher(question.toLowerCase(Locale.ROOT).strip()).find()
                || words <= 3;
    }
}
