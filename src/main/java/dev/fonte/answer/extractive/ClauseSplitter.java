package dev.fonte.answer.extractive;

import dev.fonte.language.Language;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a sentence divides into clauses, with its language's words: at a semicolon, a colon or a dash, before a
 * connector after a comma (", however", ", ma"), and, at finer levels, before a relative clause (", which",
 * ", che") and a reported clause ("that", "che").
 */
final class ClauseSplitter {

    /** How finely to split. */
    enum Level {
        /** Clauses that can be quoted alone: punctuation breaks and connectors. */
        QUOTABLE,
        /** Also relative clauses, which say something of their own about what precedes them. */
        RELATIVE,
        /** Also reported clauses ("announced that..."), for dating events. */
        SUBORDINATE
    }

    private static final String PUNCTUATION = "\\s*;\\s+|\\s+[–—]\\s+";
    /**
     * A colon or a parenthesis ends a quotable clause, but what follows a colon elaborates the same statement
     * ("2025: the year of...") and what a parenthesis holds is an aside ("Starship, about 121 meters (397 feet) tall,
     * lifted off..."): neither parts a fact from its subject.
     */
    private static final String ASIDE = "\\s*:\\s+|\\s*\\(\\s*|\\s*\\)\\s*";

    private final Pattern quotable;
    private final Pattern relative;
    private final Pattern subordinate;
    private final Pattern leading;

    ClauseSplitter(Language language) {
        Language.Clauses c = language.clauses();
        String connector = ",\\s+(?=" + c.connectors().regex() + ")";
        String rel = ",\\s+(?=" + c.relatives().regex() + ")";
        String comp = "\\s+(?=" + c.complementizers().regex() + "\\s)";
        int flags = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        this.quotable = Pattern.compile(PUNCTUATION + "|" + ASIDE + "|" + connector, flags);
        this.relative = Pattern.compile(PUNCTUATION + "|" + connector + "|" + rel, flags);
        this.subordinate = Pattern.compile(PUNCTUATION + "|" + connector + "|" + rel + "|" + comp, flags);
        this.leading = Pattern.compile("^(?:" + c.leading().regex() + ")[,\\s]*", flags);
    }

    /** The clauses of a text at a level, as {start, end} spans that cover it. */
    List<int[]> split(String text, Level level) {
        Pattern p = switch (level) {
            case QUOTABLE -> quotable;
            case RELATIVE -> relative;
            case SUBORDINATE -> subordinate;
        };
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        int start = 0;
        while (m.find()) {
            if (m.start() > start) {
                out.add(new int[] {start, m.start()});
            }
            start = m.end();
        }
        if (start < text.length()) {
            out.add(new int[] {start, text.length()});
        }
        return out;
    }

    /** How many characters of a clause's start are a connector it does not need when quoted alone ("However, "). */
    int leadingConnector(String clause) {
        Matcher m = leading.matcher(clause);
        return m.find() ? m.end() : 0;
    }
}
