package dev.fonte.language;

import java.util.Locale;

/**
 * The kinds of fact a question can ask for. Language packs name them in their question cues ({@code type: money})
 * and refusal texts; the answer engine knows what evidence each one needs in a sentence. Nothing here is specific to
 * a language.
 */
public enum FactKind {
    /** Since when something holds: a time. */
    SINCE,
    /** How long something lasts: a quantity of time. */
    DURATION,
    /** When: a date, a year, a month, a relative time. */
    TIME,
    /** On what day: a date with its day, a weekday, "yesterday". */
    DATE,
    /** How often: a time that repeats ("every two weeks"). */
    FREQUENCY,
    PERCENT,
    MASS,
    AGE,
    SPEED,
    TEMPERATURE,
    AREA,
    LENGTH,
    /** How long, where that may be a length or a time ("How long is the bridge?", "How long did it take?"). */
    EXTENT,
    MONEY,
    /** A result: two figures set against each other (a score "12-11", a vote "52-48"). */
    RESULT,
    /** How many of a thing: a number that counts it. */
    COUNT,
    /** How much, of anything: any quantity. */
    AMOUNT,
    ORGANIZATION,
    PERSON,
    PLACE,
    REASON,
    /** What someone said: a quotation or a reported statement. */
    STATEMENT,
    /** How something happened: no particular evidence. */
    MANNER,
    /** What something is. */
    DEFINITION,
    /** No cue: a yes/no question or an open one. */
    NONE;

    /** The kind a pack names, case-insensitively ({@code money}); an unknown name is a pack error. */
    public static FactKind named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LanguagePackException("unknown kind of fact '" + name + "'", e);
        }
    }

    /** The dimension of the quantity that answers this kind, or null when the answer is not a measured quantity. */
    public Dimension dimension() {
        return switch (this) {
            case DURATION, AGE -> Dimension.DURATION;
            case PERCENT -> Dimension.PERCENT;
            case MASS -> Dimension.MASS;
            case SPEED -> Dimension.SPEED;
            case TEMPERATURE -> Dimension.TEMPERATURE;
            case AREA -> Dimension.AREA;
            case LENGTH -> Dimension.LENGTH;
            case MONEY -> Dimension.MONEY;
            default -> null;
        };
    }
}
