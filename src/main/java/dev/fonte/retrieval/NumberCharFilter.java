package dev.fonte.retrieval;

import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

import java.io.Reader;
import java.util.regex.Pattern;

/**
 * Writes every decimal number one way before tokenizing, so that "1,3", "1.3", "1, 3" (as the article prints it)
 * and "1 , 3" all become the single token {@code 1_3}. Only one or two digits after the separator count as
 * decimals: "2024, 2025" and "1.300.000" are left alone. Offsets are corrected by the char filter.
 */
final class NumberCharFilter {

    static final Pattern DECIMAL = Pattern.compile("(?<![\\d.,])(\\d{1,3}) ?[.,] ?(\\d{1,2})(?![\\d])");

    private NumberCharFilter() {
    }

    static Reader wrap(Reader reader) {
        return new PatternReplaceCharFilter(DECIMAL, "$1_$2", reader);
    }

    /** The same normalisation on a plain string (for comparing numbers outside Lucene). */
    static String normalise(String text) {
        return DECIMAL.matcher(text).replaceAll("$1_$2");
    }
}
