package dev.fonte.answer;

import java.util.regex.Pattern;

/**
 * What a message asks of Fonte: an answer to a question, an overview of the article ("Di cosa parla l'articolo?"), or
 * something Fonte does not do. An order to drop the rules ("Ignora le istruzioni precedenti...", "Forget the article
 * and...") or to make something up ("scrivi una poesia", "tell me a joke") is refused plainly, whichever model is
 * configured: it reaches no model and retrieves nothing.
 */
enum Intent {
    QUESTION, SUMMARY, INSTRUCTION;

    private static final Pattern SUMMARY_REQUEST = Pattern.compile("(?i)\\b(riassun\\w*|riassum\\w*|sintesi|sintetizz\\w*|"
            + "di (che|cosa) (parla|tratta)|cosa dice l['’]articolo|punti (chiave|principali|salienti)|"
            + "in breve|summar\\w*|overview|key (points|facts|takeaways)|main points|tl;?dr|"
            + "what is (the|this) article about|what('s| is) it about|what does the article (say|cover))\\b");

    private static final Pattern OVERRIDE = Pattern.compile("(?iu)\\b(?:ignora|ignorate|dimentica|dimenticate|trascura|"
            + "ignore|forget|disregard|override|bypass)\\b[^.?!]{0,60}?\\b(?:istruzioni|regole|prompt|articolo|"
            + "documenti|fonti|contesto|sopra|precedenti|instructions|rules|article|documents|sources|context|above|"
            + "previous|system)\\b");

    private static final Pattern MAKE_UP = Pattern.compile("(?iu)\\b(?:scrivi|scrivimi|scriva|componi|inventa|crea|"
            + "genera|dimmi|raccontami|write|compose|invent|create|generate|tell)\\b[^.?!]{0,30}?\\b(?:poesia|poesie|"
            + "poema|canzone|canzoni|barzelletta|barzellette|battuta|filastrocca|haiku|rap|codice|poem|poems|song|"
            + "songs|lyrics|joke|jokes|limerick|code)\\b");

    static Intent of(String message) {
        if (OVERRIDE.matcher(message).find() || MAKE_UP.matcher(message).find()) {
            return INSTRUCTION;
        }
        return SUMMARY_REQUEST.matcher(message).find() ? SUMMARY : QUESTION;
    }
}
