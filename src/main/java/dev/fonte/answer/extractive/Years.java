package dev.fonte.answer.extractive;

import dev.fonte.language.Language;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The years a text speaks of: those it writes ("nel 2024") and those its relative words mean ("last year"), counted
 * from the document's year when it is known. A sentence about last year does not answer a question about this year,
 * however many words they share.
 */
public record Years(Set<Integer> written, Set<Relative> relative) {

    /** A year named by its distance from the document's year. */
    public enum Relative { THIS, LAST, NEXT }

    private static final Pattern YEAR = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(1[89]\\d{2}|20\\d{2})(?![\\p{L}\\p{N}]|[.,]\\d)");

    public static final Years NONE = new Years(Set.of(), Set.of());

    /** The years a text in {@code language} speaks of. */
    public static Years in(String text, Language language) {
        Set<Integer> written = written(text);
        Set<Relative> relative = EnumSet.noneOf(Relative.class);
        Language.TimeWords t = language.time();
        // the present ("today", "oggi") is in the document's year
        if (t.thisYear().in(text) || t.present().in(text)) {
            relative.add(Relative.THIS);
        }
        if (t.lastYear().in(text)) {
            relative.add(Relative.LAST);
        }
        if (t.nextYear().in(text)) {
            relative.add(Relative.NEXT);
        }
        return written.isEmpty() && relative.isEmpty() ? NONE : new Years(Set.copyOf(written), Set.copyOf(relative));
    }

    /**
     * The years a text speaks of as those of its facts: not a year set against them ("l'11,8% in più rispetto al
     * 2023", the packs' {@code time.comparisons}), nor the year of a full date, which says when something was
     * announced ("Il 4 febbraio 2025 la casa ha comunicato ricavi..."): a year's results are reported the year after.
     */
    public static Years ofFacts(String text, Language language) {
        Years all = in(text, language);
        if (all.written.isEmpty()) {
            return all;
        }
        Set<Integer> kept = new TreeSet<>();
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            int b = m.start(1);
            while (b > 0 && Character.isWhitespace(text.charAt(b - 1))) {
                b--;
            }
            String before = text.substring(Math.max(0, b - 24), b);
            boolean compared = language.time().comparisons().endingAt(text, b, 24) >= 0;
            boolean dated = fullDate(before, language);
            if (!compared && !dated) {
                kept.add(Integer.parseInt(m.group(1)));
            }
        }
        return kept.isEmpty() && all.relative.isEmpty() ? NONE : new Years(Set.copyOf(kept), all.relative);
    }

    /** Per language, a text ending with a day and a month ("4 febbraio", "February 4,"). */
    private static final Map<String, Pattern> FULL_DATES = new ConcurrentHashMap<>();

    /** Whether a text ends with a day and a month: a year after it completes a date. */
    private static boolean fullDate(String before, Language language) {
        return FULL_DATES.computeIfAbsent(language.code(), c -> {
            String months = language.time().months().regex();
            return Pattern.compile("(?:\\b\\d{1,2}(?:st|nd|rd|th|°|º)?\\s+(?:de\\s+)?(?:" + months + ")(?:\\s+de)?"
                            + "|(?:" + months + ")\\s+\\d{1,2}(?:st|nd|rd|th)?,?)$",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        }).matcher(before).find();
    }

    /** The years a text writes in digits. */
    public static Set<Integer> written(String text) {
        Set<Integer> out = new TreeSet<>();
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    public boolean isEmpty() {
        return written.isEmpty() && relative.isEmpty();
    }

    /** The years spoken of, relative words counted from {@code now}. */
    public Set<Integer> resolved(int now) {
        Set<Integer> out = new TreeSet<>(written);
        for (Relative r : relative) {
            out.add(switch (r) {
                case THIS -> now;
                case LAST -> now - 1;
                case NEXT -> now + 1;
            });
        }
        return out;
    }

    /**
     * False when a question speaking of these years cannot be answered by a sentence speaking of {@code said}. With
     * the document's year {@code now}, both sides are years; without it, relative words are compared as words, and
     * written years only when the sentence writes some. A sentence with no time of its own fits any question.
     */
    public boolean admit(Years said, Integer now) {
        if (isEmpty() || said.isEmpty()) {
            return true;
        }
        if (now != null) {
            Set<Integer> asked = resolved(now);
            return said.resolved(now).stream().anyMatch(asked::contains);
        }
        boolean relativeOk = relative.isEmpty() || said.relative.isEmpty()
                || said.relative.stream().anyMatch(relative::contains);
        boolean writtenOk = written.isEmpty() || said.written.isEmpty()
                || said.written.stream().anyMatch(written::contains);
        return relativeOk && writtenOk;
    }
}
