package dev.fonte.eval.report;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/** Number formatting shared by the text reports. */
final class Format {

    private Format() {
    }

    /** Two decimals, or a dash when nothing was measured. */
    static String ratio(@Nullable Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
