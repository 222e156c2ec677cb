package dev.fonte.corpus.translation;

import java.util.List;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * Whether a model's reply can be the translation of a text: not empty, about as long, and with the same figures. A
 * translation changes words, never numbers: "1,3 milioni" may become "1.3 million", but a reply whose digit groups
 * differ from the source's has invented, dropped or converted a figure, and would be quoted as the source's fact.
 */
final class Plausibility {

    /** A run of digits: the separators between groups differ across languages, the groups do not. */
    private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");
    /** Added to both lengths, so that a short title's ratio is not judged like a paragraph's. */
    private static final int LENGTH_SLACK = 20;

    private final double maxLengthRatio;

    Plausibility(double maxLengthRatio) {
        this.maxLengthRatio = maxLengthRatio;
    }

    /** Why {@code reply} cannot be a translation of {@code source}; empty when it can. */
    Optional<String> problem(String source, String reply) {
        if (reply == null || reply.isBlank()) {
            return Optional.of("the model's reply is empty");
        }
        List<String> want = figures(source);
        List<String> got = figures(reply);
        if (!want.equals(got)) {
            return Optional.of("its figures differ from the source's (source " + shown(want) + ", reply "
                    + shown(got) + ")");
        }
        double ratio = (double) (reply.strip().length() + LENGTH_SLACK) / (source.strip().length() + LENGTH_SLACK);
        if (ratio > maxLengthRatio || ratio < 1 / maxLengthRatio) {
            return Optional.of("the reply is " + reply.strip().length() + " characters long for a source of "
                    + source.strip().length());
        }
        return Optional.empty();
    }

    /** The digit groups of a text, sorted: a translation may reorder them ("il 24 gennaio" is "January 24"). */
    private static List<String> figures(String text) {
        return DIGITS.matcher(text).results().map(MatchResult::group)
                .map(d -> d.replaceFirst("^0+(?=\\d)", "")).sorted().toList();
    }

    private static String shown(List<String> figures) {
        return figures.isEmpty() ? "none" : String.join(" ", figures);
    }
}
