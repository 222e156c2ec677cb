package dev.fonte.answer;

import dev.fonte.language.Language;
import dev.fonte.language.Languages;

import java.util.regex.Pattern;

/**
 * What a message asks of Fonte: an answer to a question, an overview of the documents ("Di cosa parla l'articolo?"),
 * or something Fonte does not do. An order to drop the rules ("Ignora le istruzioni precedenti...") or to make
 * something up ("tell me a joke") is refused plainly, whichever model is configured: it reaches no model and
 * retrieves nothing. Orders are looked for with every language's patterns; a summary with the asker's.
 */
public enum Intent {
    QUESTION, SUMMARY, INSTRUCTION;

    static Intent of(String message, Language language, Languages languages) {
        for (Language l : languages.all()) {
            for (Pattern p : l.intents().instruction()) {
                if (p.matcher(message).find()) {
                    return INSTRUCTION;
                }
            }
        }
        for (Pattern p : language.intents().summary()) {
            if (p.matcher(message).find()) {
                return SUMMARY;
            }
        }
        return QUESTION;
    }
}
