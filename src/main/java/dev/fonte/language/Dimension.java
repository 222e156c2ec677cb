package dev.fonte.language;

import java.util.Locale;

/**
 * What a unit measures. A pack lists its language's words for the units of each
 * ({@code units.money: [dollars, ...]}).
 */
public enum Dimension {
    MONEY, PERCENT, LENGTH, MASS, DURATION, POWER, ENERGY, SPEED, AREA, VOLUME, TEMPERATURE, DATA,
    /** "1.5 times": how many times something else. */
    MULTIPLIER,
    /** Units that count ("people", "pieces"): a figure before one still counts. */
    COUNT,
    /**
     * How old someone is, read from where the figure stands ("Powell, 71,", "Medvedev, 27 anni e alto..."): a pack
     * lists no unit of its own for it, its years being a duration's.
     */
    AGE;

    static Dimension named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LanguagePackException("unknown unit dimension '" + name + "'", e);
        }
    }
}
