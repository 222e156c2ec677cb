package dev.fonte.answer;

import java.util.regex.Pattern;

/**
 * Roundabout names a question gives to something the corpus names in one word: "chi ha scritto l'articolo" and "the
 * person who wrote this piece" are the author. Rewritten before the question's terms are read, so that "Chi ha
 * scritto l'articolo ha azioni...?" looks for the author's holdings. The caller reads the question's type first, so "Chi
 * ha scritto l'articolo?" still asks who: the author, whom a sentence must name.
 */
final class Periphrases {

    private static final Pattern AUTHOR_IT = Pattern.compile("(?iu)\\bchi\\s+(?:ha\\s+scritto|scrive|firma|ha\\s+firmato)\\s+"
            + "(?:l['’]\\s*articolo|quest['’]\\s*articolo|questo\\s+articolo|il\\s+pezzo|questo\\s+pezzo|il\\s+testo)");
    private static final Pattern AUTHOR_EN = Pattern.compile("(?iu)\\b(?:whoever|the\\s+(?:person|one|journalist)\\s+who|who)"
            + "\\s+(?:wrote|writes|authored|penned)\\s+(?:this|the)\\s+(?:article|piece|story|text)");

    private Periphrases() {
    }

    static String rewrite(String question) {
        String out = AUTHOR_IT.matcher(question).replaceAll("l'autore");
        return AUTHOR_EN.matcher(out).replaceAll("the author");
    }
}
