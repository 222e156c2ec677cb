package dev.fonte.answer;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Relative years a question or a sentence speaks of. A sentence about last year does not answer a question about
 * this year, however many words they share.
 */
enum TimeReference {
    THIS_YEAR("(?i)\\b(quest['’]anno|this year|fine dell['’]anno|end of (the|this) year|before the year is out|"
            + "in corso|current year|anno corrente)\\b"),
    LAST_YEAR("(?i)\\b(anno scorso|anno precedente|anno prima|last year|previous year|year before|prior year)\\b"),
    NEXT_YEAR("(?i)\\b(anno prossimo|prossimo anno|next year|coming year)\\b");

    private final Pattern pattern;

    TimeReference(String pattern) {
        this.pattern = Pattern.compile(pattern);
    }

    static Set<TimeReference> in(String text) {
        Set<TimeReference> out = EnumSet.noneOf(TimeReference.class);
        for (TimeReference t : values()) {
            if (t.pattern.matcher(text).find()) {
                out.add(t);
            }
        }
        return out;
    }

    private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d{2}\\b");

    /** The years written in a text ("2024", "nel 2025"). */
    static Set<Integer> years(String text) {
        Set<Integer> out = new java.util.TreeSet<>();
        YEAR.matcher(text).results().forEach(m -> out.add(Integer.parseInt(m.group())));
        return out;
    }

    /**
     * False when the question and the sentence speak of different years. With the document's year known
     * ({@code now}: the latest year its title writes), both sides are years: those written, and those "this year",
     * "last year" and "next year" mean counted from it; a sentence with no time of its own is read in its paragraph
     * when the question writes a year. "Quanto spenderà Meta nel 2026?" is not answered by what Meta spent "l'anno scorso" in an article about 2025,
     * and "quest'anno rispetto al 2024" is answered by a sentence on last year. Without it, relative words are
     * compared as words, and written years only when the sentence writes some.
     */
    static boolean sameYear(String question, String sentence, String paragraph, Integer now) {
        if (now == null) {
            Set<Integer> asked = years(question);
            Set<Integer> said = years(sentence);
            return compatible(in(question), in(sentence))
                    && (asked.isEmpty() || said.isEmpty() || said.stream().anyMatch(asked::contains));
        }
        Set<Integer> asked = spokenOf(question, now);
        if (asked.isEmpty()) {
            return true;
        }
        Set<Integer> said = spokenOf(sentence, now);
        if (said.isEmpty() && paragraph != null && !years(question).isEmpty()) {
            // a year written in the question is looked for around a sentence with no time of its own; "this year"
            // alone is not: the sentence may well be about it
            said = spokenOf(paragraph, now);
        }
        return said.isEmpty() || said.stream().anyMatch(asked::contains);
    }

    /** The years a text speaks of: those it writes and those its relative words mean from {@code now}. */
    private static Set<Integer> spokenOf(String text, int now) {
        Set<Integer> said = years(text);
        for (TimeReference t : in(text)) {
            said.add(switch (t) {
                case THIS_YEAR -> now;
                case LAST_YEAR -> now - 1;
                case NEXT_YEAR -> now + 1;
            });
        }
        return said;
    }

    /** The year a document is about: the latest year its title writes; null when it writes none. */
    static Integer yearOf(String title) {
        return title == null ? null : years(title).stream().max(Integer::compare).orElse(null);
    }

    /** False when both name years and none of them is the same. */
    static boolean compatible(Set<TimeReference> question, Set<TimeReference> sentence) {
        if (question.isEmpty() || sentence.isEmpty()) {
            return true;
        }
        Set<TimeReference> common = EnumSet.copyOf(question);
        common.retainAll(sentence);
        return !common.isEmpty();
    }
}
