package dev.fonte.answer;

import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of fact a question asks for, read from its question words (Italian and English), and the evidence a
 * sentence must carry to answer it: an amount, a number, a name, a time, a place or a price.
 */
public enum QuestionType {
    PLACE("(?i)\\b(dove|where|(in )?(quale|che) (stato|citt[aà]|paese|regione|luogo|localit[aà])|"
            + "(in )?(which|what) (state|city|country|region|place|location|town|site)|"
            // where something was said: "su quale piattaforma", "on which platform"
            + "(su|in|on) (quale|che|which|what) (piattaforma|social|canale|platform|channel|outlet))\\b",
            // a place, or the medium something was said on ("su Facebook", "on Facebook")
            "(?:\\b(?:in|a|ad|nel|nella|nello|negli|nelle|presso|vicino a|at|near|outside|inside)\\s+\\p{Lu}\\p{L}+|"
                    + "(?i:\\b(?:post|video|blog|intervista|interview|podcast|conferenza|conference|comunicato|"
                    + "statement|lettera|letter)\\w*\\s+(?:\\p{L}+\\s+){0,2}(?:su|sul|sulla|on|in)\\s+)\\p{Lu}\\p{L}+)"),
    PRICE("(?i)\\b(prezzo|price|quotazione|quota|costa(no)? le azioni|share price|stock price|worth per share|"
            + "(quanto )?(vale|valgono|valeva|costa|costano|costava)\\b.{0,20}\\b(azion[ei]|titol[oi])|"
            + "how much (is|are|was|were) (a |one |each )?(share|stock)s?\\b.{0,30}\\bworth)\\b",
            Money.SUM),
    TIME("(?i)\\b(quando|entro quando|in che anno|in quale anno|in che giorno|che giorno|in che data|quale data|"
            + "when|what year|which year|what day|which day|what date|on what date|by when|how soon)\\b",
            "(?i)(?:\\b(?:19|20)\\d{2}\\b|\\b(?:gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|"
                    + "ottobre|novembre|dicembre|january|february|march|april|may|june|july|august|september|"
                    + "october|november|december)\\b|\\bfine dell['’]anno\\b|\\bend of (?:the|this) year\\b|"
                    + "\\bquest['’]anno\\b|\\bthis year\\b|\\banno scorso\\b|\\blast year\\b|\\bentro\\b|\\bby the end\\b)"),
    AMOUNT("(?i)\\b(quanto|quanta|quanti soldi|quanti dollari|quanti miliardi|how much|what amount|what budget|"
            + "what sum|che cifra|quale cifra|what figure|how big|how large|what size|quanto grande|quale dimensione|"
            + "what('s| is) the size|"
            // "What is Microsoft spending on...", "What did Meta spend...": a spending verb makes "what" an amount
            + "what (will|did|does|do|is|are|was|were) [\\p{L}'’ ]{1,30}\\b(spend|spending|spent|invest|investing|"
            + "invested|pay|paying|paid|cost|costing))\\b",
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
     * An Italian question whose subject is a clause opened by "chi" (whoever): "Chi ha scritto l'articolo ha azioni?"
     * asks yes or no about that person, not who they are. The clause is a verb and a few words, then the question's
     * own verb; "che"/"se" after the first verb open a reported clause instead ("Chi ha detto che Meta ha speso...").
     */
    private static final Pattern HEADLESS_RELATIVE = Pattern.compile("(?iu)^\\s*chi\\s+(?:ha|hanno|aveva|avevano)\\s+\\p{L}+"
            + "(?:\\s+(?!che\\b|se\\b|come\\b|quando\\b|dove\\b)[\\p{L}'’]+){1,4}?\\s+"
            + "(?:ha|hanno|è|sono|possiede|possiedono|detiene|detengono|deve|devono|può|possono)\\s+\\p{L}");

    /**
     * Question words that ask for no particular kind of fact: how, why (Italian and English). "What"/"cosa" are not
     * among them: the noun after them often names the kind ("what share price").
     */
    private static final Pattern OPEN_QUESTION = Pattern.compile(
            "(?i)\\b(come|perch[ée]|per quale (motivo|ragione)|in che modo|how|why|for what reason)\\b");

    /**
     * The type whose question words come first (the question's own question word, not one inside a clause: "Can I
     * take this as advice on where to invest?" is a yes/no question); GENERIC for yes/no questions and when none
     * appears.
     */
    public static QuestionType of(String question) {
        String q = question.toLowerCase(Locale.ROOT);
        if (YES_NO.matcher(q).find() || HEADLESS_RELATIVE.matcher(q).find()) {
            return GENERIC;
        }
        // a question word that names no kind of fact ("Come...", "Why...") opens the question: a typed word after it
        // is inside a clause ("Come l'hanno presa gli sviluppatori quando Llama è stato aperto?")
        var open = OPEN_QUESTION.matcher(q);
        int untyped = open.find() ? open.start() : Integer.MAX_VALUE;
        QuestionType first = GENERIC;
        int at = untyped;
        for (QuestionType t : values()) {
            if (t == GENERIC) {
                continue;
            }
            var m = t.asks.matcher(q);
            // on a tie the more specific type (declared first) wins: "quanti soldi" is an amount, not a count; and a
            // typed question word wins over the open one it starts with ("how much" over "how")
            if (m.find() && (m.start() < at || m.start() == untyped && first == GENERIC)) {
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
        var m = COUNTED.matcher(question);
        return m.find() ? m.group(1) : "";
    }

    private static final Pattern COUNTED = Pattern.compile(
            "(?i)\\b(?:quanti|quante|how many|numero di|number of)\\s+([\\p{L}\\p{N}]+(?:\\s+[\\p{L}]+)?)");

    private static final Pattern MEASURED = Pattern.compile("(?iu)\\b(?:quanta|how much)\\s+(\\p{L}+)((?:\\s+\\p{L}+){0,2})");
    /** Words after "how much" that do not name what is measured: verbs, pronouns, and money itself. */
    private static final java.util.Set<String> NOT_MEASURED = java.util.Set.of(
            "did", "does", "do", "will", "would", "is", "are", "was", "were", "has", "have", "had", "can", "could",
            "should", "may", "might", "must", "more", "less", "of", "the", "a", "an", "this", "that", "these", "those",
            "it", "they", "he", "she", "we", "you", "i", "money", "cash", "ne", "ce", "ci", "se", "si", "è", "sarà",
            "soldi", "denaro");

    /**
     * For a question that measures something ("Quanta acqua...", "How much water..."), the word right after the
     * question word: what is measured, which an answering sentence must name. Empty when a verb or the money itself
     * follows ("How much did...", "How much money..."): any amount answers those.
     */
    public static String measuredThing(String question) {
        var m = MEASURED.matcher(question);
        // up to three words: the caller reads the first term of them, whole when it is a glossary phrase
        return m.find() && !NOT_MEASURED.contains(m.group(1).toLowerCase(Locale.ROOT)) ? m.group(1) + m.group(2) : "";
    }

    /** Whether the fact asked for is a figure: an amount, a count or a price. */
    public boolean numeric() {
        return this == AMOUNT || this == COUNT || this == PRICE;
    }

    /** Whether {@code text} carries the kind of fact this type asks for. */
    public boolean hasEvidence(String text) {
        return this == GENERIC || evidence.matcher(text).find();
    }

    /** For a price question, the words that asked for the price ("Meta's stock price", "vale ... un'azione"). */
    public static String pricedThing(String question) {
        var m = PRICE.asks.matcher(question.toLowerCase(Locale.ROOT));
        return m.find() ? m.group() : "";
    }

    private static final Pattern COUNTED_NUMBER = Pattern.compile(
            "(?iu)(?<![\\p{L}\\d$€£.,])(\\d[\\d.]*(?:,\\s?\\d+)?)\\s*(%|\\p{L}+)?");
    /** Units: a number before one measures something, it does not count the thing a question counts. */
    private static final Pattern UNIT = Pattern.compile("(?iu)%|gigawatt\\w*|gw|megawatt\\w*|mw|kilowatt\\w*|kw|"
            + "watt\\w*|dollar\\w*|dollari|euros?|usd|percent|per|volte|times|anni|anno|years?|mesi|months?|giorni|"
            + "days?|ore|hours?|metri|meters?|metres?|km|chilometri|kilometers?|kilometres?");

    /**
     * Whether {@code text} has a number that counts {@code counted} (the words a "how many" question counts): a
     * number before a unit measures something else ("data center da 2 gigawatt" counts no data centers) unless the
     * unit is what is counted ("1,5 volte"), and a year counts nothing.
     */
    static boolean counts(String text, String counted) {
        String thing = counted.toLowerCase(Locale.ROOT);
        Matcher m = COUNTED_NUMBER.matcher(text);
        while (m.find()) {
            String number = m.group(1);
            String next = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
            if (number.matches("(19|20)\\d{2}")) {
                continue;
            }
            if (next.isEmpty() || !UNIT.matcher(next).matches() || !thing.isEmpty() && thing.startsWith(next)) {
                return true;
            }
        }
        return false;
    }

    /** Words that make an amount a sum of money: what something costs, is worth, or is spent or invested. */
    private static final Pattern MONEY_ASKED = Pattern.compile("(?iu)\\b(cost\\p{L}*|price\\p{L}*|prezz\\p{L}*|spend\\p{L}*|spent|"
            + "spes[aeio]|spender\\p{L}*|invest\\p{L}*|pay|pays|paid|paga\\p{L}*|pagat\\p{L}*|worth|vale|valgono|valeva|"
            + "soldi|money|denaro|dollar\\p{L}*|euro|budget|capex|fund\\p{L}*|fond[io]|stanzi\\p{L}*|allocat\\p{L}*)\\b");

    /**
     * What a sentence must carry to answer {@code question}, read from the question once: for an amount of money
     * ("How much does a GPU cost?") a sum of money, not just any figure; for a count, a number that counts (see
     * {@link #counts}); otherwise this type's evidence.
     */
    public Predicate<String> evidence(String question) {
        if (this == COUNT) {
            String counted = countedThing(question);
            return text -> counts(text, counted);
        }
        if (this == AMOUNT && MONEY_ASKED.matcher(question).find()) {
            return PRICE::hasEvidence;
        }
        return this::hasEvidence;
    }

    /**
     * The words that name what a figure is asked of: the thing a count counts, an amount measures or a price prices;
     * empty for other types.
     */
    public String askedThing(String question) {
        return switch (this) {
            case COUNT -> countedThing(question);
            case AMOUNT -> measuredThing(question);
            case PRICE -> pricedThing(question);
            default -> "";
        };
    }

    /** A sum of money: "$65 billion", "65 miliardi di dollari", "80 billion dollars"; the evidence of a price. */
    private static final class Money {
        static final String SUM = "(?iu)(?:[$€£]\\s?\\d|\\d[\\d.,_ ]*\\s*(?:(?:mila|milioni|miliardi|"
                + "thousand|million|billion|trillion)s?\\s+(?:di\\s+)?)?(?:dollari|dollaro|dollars?|euro|euros|usd)\\b)";
    }
}
