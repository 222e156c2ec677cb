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
    COUNT;

    static Dimension named(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new LanguagePackException("unknown unit dimension '" + name + "'", e);
        }
    }
}
