package dev.fonte.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits an answer into stream pieces: words with their trailing space, a {@code [n]} marker always whole. */
final class Chunks {

    private static final Pattern PIECE = Pattern.compile("\\[\\d+]\\S*\\s*|\\S+\\s*|\\s+");

    private Chunks() {
    }

    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = PIECE.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
