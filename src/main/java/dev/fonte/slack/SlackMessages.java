package dev.fonte.slack;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The few fixed texts the Slack app says itself (acknowledgement, usage, errors), in Italian or English.
 * The question's language is guessed from common function words; the answer itself carries its own language.
 */
final class SlackMessages {

    private static final Pattern WORDS = Pattern.compile("[^\\p{L}']+");
    private static final Set<String> ITALIAN = Set.of("il", "lo", "la", "gli", "le", "di", "del", "della", "che",
            "cosa", "quanto", "quanti", "quante", "quale", "quali", "perché", "perche", "come", "dove", "quando",
            "chi", "è", "sono", "per", "con", "nel", "nella", "ha", "hanno", "un", "una", "non", "si", "sul", "anche");
    private static final Set<String> ENGLISH = Set.of("the", "a", "an", "of", "what", "how", "much", "many", "which",
            "why", "where", "when", "who", "is", "are", "for", "with", "in", "on", "does", "do", "did", "has", "have",
            "will", "and", "to", "not", "it", "this", "that");

    private SlackMessages() {
    }

    /** True when the text reads as Italian rather than English; ties go to Italian, the article's own language. */
    static boolean looksItalian(String text) {
        int italian = 0;
        int english = 0;
        for (String word : WORDS.split(text.toLowerCase(Locale.ROOT))) {
            String w = word.replaceAll("^.*'", "");
            if (ITALIAN.contains(w)) {
                italian++;
            }
            if (ENGLISH.contains(w)) {
                english++;
            }
            if (word.contains("'")) {
                italian++;
            }
        }
        return italian >= english;
    }

    static String lookingItUp(String question) {
        return looksItalian(question)
                ? ":mag: Sto cercando nell'articolo: _" + SlackBlocks.escape(question) + "_"
                : ":mag: Looking it up in the article: _" + SlackBlocks.escape(question) + "_";
    }

    static String busy(String question) {
        return looksItalian(question)
                ? "Troppe domande in coda, riprova tra poco."
                : "Too many questions in the queue, please try again shortly.";
    }

    static String failed(String question) {
        return looksItalian(question)
                ? ":x: Non sono riuscito a rispondere, riprova."
                : ":x: Something went wrong while answering, please try again.";
    }

    /** Usage, in both languages; mrkdwn, so {@code <} and {@code >} are escaped as Slack requires. */
    static String help(String command) {
        String c = command == null || command.isBlank() ? "/fonte" : SlackBlocks.escape(command);
        return """
                *Fonte* answers questions about the article, quoting its sources / risponde a domande sull'articolo, \
                citando le fonti.
                • `%1$s &lt;question&gt;`: e.g. `%1$s How much will Meta spend on AI in 2025?`
                • `%1$s &lt;domanda&gt;`: es. `%1$s Quanto spenderà Meta in IA nel 2025?`
                • Mention the app in a channel to get the answer in a thread; reply in the thread (mentioning it) to \
                follow up / menziona l'app per avere la risposta in un thread e continua lì la conversazione.
                Every sentence carries `[n]` markers tied to the quoted passage; when the article does not say, \
                Fonte says so.""".formatted(c);
    }
}
