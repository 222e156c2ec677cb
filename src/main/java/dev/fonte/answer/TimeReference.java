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
