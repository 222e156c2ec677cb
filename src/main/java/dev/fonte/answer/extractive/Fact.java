package dev.fonte.answer.extractive;

import dev.fonte.language.Dimension;

/**
 * A fact a sentence states, found by {@link FactFinder}: a figure (with the dimension of its unit, when it has one),
 * a time, a name, a place or a reason, with its character span in the sentence.
 *
 * @param dimension for a {@link Type#QUANTITY}, what its unit measures
 * @param scaled    a figure with a scale word ("1,3 milioni"): it may count or measure, but it is not a small
 *                  ordinal or a part of a name
 */
public record Fact(Type type, Dimension dimension, int start, int end, String text, boolean scaled) {

    /** What kind of fact. */
    public enum Type {
        /** A figure with no unit: it counts something. */
        NUMBER,
        /** A place in a series ("its 20th league title", "per la quarta volta"): how many there have been so far. */
        ORDINAL,
        /** Two figures set against each other with a dash: a score or a vote ("12-11"). */
        RESULT,
        /** A figure with a unit. */
        QUANTITY,
        /** A year, a month, a relative time ("last year"). */
        TIME,
        /** A time that repeats: "every two weeks", "ogni quattro settimane". */
        FREQUENCY,
        /** A day: a date with its day ("12 marzo", "March 12"), a weekday, "yesterday". */
        DATE,
        /** A time a span starts from ("dal 2019", "since 2019"). */
        SINCE,
        /** A capitalised name. */
        NAME,
        /** A name after a place preposition ("in Texas"). */
        PLACE,
        /** Words that give a reason or a purpose. */
        REASON,
        /** A quotation, or words that report what someone said. */
        STATEMENT
    }

    public boolean overlaps(int from, int to) {
        return start < to && from < end;
    }
}
