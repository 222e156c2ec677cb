package dev.fonte.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The kind of fact a question asks for, read from its question words (Italian and English), and the evidence a
 * sentence must carry to answer it: an amount, a number, a name, a time, a place or a price.
 */
public enum QuestionType {
    PLACE("(?i)\\b(dove|where|in (quale|che) (stato|citt[aà]|paese|regione|luogo|localit[aà])|"
            + "in which (state|city|country|region|place|location)|what (state|city|country|location))\\b",
            "(?:\\b(?:in|a|ad|nel|nella|nello|negli|nelle|presso|vicino a|at|near|outside|inside)\\s+\\p{Lu}\\p{L}+)"),
    PRICE("(?i)\\b(prezzo|price|quotazione|quota|costa(no)? le azioni|share price|stock price|worth per share)\\b",
            "(?:[$€£]\\s?\\d|\\d[\\d.,_ ]*\\s*(?:dollari|dollars|euro|usd|\\$))"),
    TIME("(?i)\\b(quando|entro quando|in che anno|in quale anno|in che giorno|che giorno|in che data|quale data|"
            + "when|what year|which year|what day|which day|what date|on what date|by when|how soon)\\b",
            "(?i)(?:\\b(?:19|20)\\d{2}\\b|\\b(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|"
                    + "ottobre|novembre|dicembre|january|february|march|april|may|june|july|august|september|"
                    + "october|november|december)\\b|\\bfine dell['’]anno\\b|\\bend of (?:the|this) year\\b|"
                    + "\\bquest['’]anno\\b|\\bthis year\\b|\\banno scorso\\b|\\blast year\\b|\\bentro\\b|\\bby the end\\b)"),
    AMOUNT("(?i)\\b(quanto|quanta|quanti soldi|quanti dollari|quanti miliardi|how much|what amount|what budget|"
            + "what sum|che cifra|quale cifra|what figure|how big|how large|what size|quanto grande|quale dimensione|"
            + "what('s| is) the size)\\b",
            "(?i)(?:[$€£]\\s?\\d|\\d[\\d_]*(?:\\s*%|[\\s-]*(?:miliardi|milioni|billions?|millions?|trillions?|dollari|dollars?|"
                    + "euros?|per cento|percent|gigawatts?|gw|volte|times)\\b))"),
    COUNT("(?i)\\b(quanti|quante|how many|numero di|number of)\\b", "\\d"),
    PERSON("(?i)\\b(chi|who|whom|quale azienda|quali aziende|which compan(y|ies)|what compan(y|ies))\\b",
            "(?:(?<![.!?]\\s)(?<!^)\\b\\p{Lu}\\p{L}+)"),
    GENERIC("$^", "");

    private final Pattern asks;
    private final Pattern evidence;

    QuestionType(String asks, String evidence) {
        this.asks = Pattern.compile(asks);
        this.evidence = Pattern.compile(evidence);
    }

    /** A yes/no question opens with a verb ("Posso...", "Is it...", "Does..."): it asks for no particular kind of fact. */
    private static final Pattern YES_NO = Pattern.compile("(?i)^\\s*(posso|possiamo|può|puo|puoi|è|e'|sono|ha|hanno|c['’]è|"
            + "ci sono|si può|is|are|was|were|does|do|did|can|could|should|will|would|has|have|had)\\b");

    /**
     * The type whose question words come first (the question's own question word, not one inside a clause: "Can I
     * take this as advice on where to invest?" is a yes/no question); GENERIC for yes/no questions and when none
     * appears.
     */
    public static QuestionType of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        if (YES_NO.matcher(q).find()) {
            return GENERIC;
        }
        QuestionType first = GENERIC;
        int at = Integer.MAX_VALUE;
        for (QuestionType t : values()) {
            if (t == GENERIC) {
                continue;
            }
            var m = t.asks.matcher(q);
            // on a tie the more specific type (declared first) wins: "quanti soldi" is an amount, not a count
            if (m.find() && m.start() < at) {
                at = m.start();
                first = t;
            }
        }
        return first;
    }

    /**
     * For a question that counts something ("Quante GPU...", "How many people..."), the words right after the
     * question word: the thing counted, which an answering sentence must mention. Empty for other types.
     */
    public static String countedThing(String question) {
        var m = Pattern.compile("(?i)\\b(?:quanti|quante|how many|numero di|number of)\\s+([\\p{L}\\p{N}]+(?:\\s+[\\p{L}]+)?)")
                .matcher(question);
        return m.find() ? m.group(1) : "";
    }

    /** Whether {@code text} carries the kind of fact this type asks for. */
    public boolean hasEvidence(String text) {
        return this == GENERIC || evidence.matcher(text).find();
    }
}
