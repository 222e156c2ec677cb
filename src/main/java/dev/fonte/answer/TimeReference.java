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
     * False when the question names a year and the sentence speaks of other years only: years it writes, or, when
     * it writes none, the years its relative words mean counted from {@code now} (the year the document is about, as
     * its title gives it; unknown: null); a sentence with no time of its own is read in its paragraph. "Quanto
     * spenderà Meta nel 2026?" is not answered by what Meta spent "l'anno scorso" in an article about 2025.
     */
    static boolean sameYear(String question, String sentence, String paragraph, Integer now) {
        Set<Integer> asked = years(question);
        if (asked.isEmpty()) {
            return true;
        }
        Set<Integer> said = spokenOf(sentence, now);
        if (said.isEmpty() && paragraph != null) {
            said = spokenOf(paragraph, now);
        }
        return said.isEmpty() || said.stream().anyMatch(asked::contains);
    }

    /** The years a text speaks of: those it writes, else those its relative words mean from {@code now}. */
    private static Set<Integer> spokenOf(String text, Integer now) {
        Set<Integer> said = years(text);
        if (said.isEmpty() && now != null) {
            for (TimeReference t : in(text)) {
                said.add(switch (t) {
                    case THIS_YEAR -> now;
                    case LAST_YEAR -> now - 1;
                    case NEXT_YEAR -> now + 1;
                });
            }
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
