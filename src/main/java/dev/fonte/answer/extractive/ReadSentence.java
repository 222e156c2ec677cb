package dev.fonte.answer.extractive;

import dev.fonte.corpus.Passage;

import java.util.List;
import java.util.Set;

/**
 * A sentence of the corpus as the engine reads it, once (cached): its stems with their offsets, the facts it states,
 * its clauses at each level, the years it speaks of, and which of its relative clauses speak of a projection.
 *
 * @param projecting for each clause of {@code relative}, in order, whether it speaks of a projection, an estimate or
 *                   a plan; and last, whether the whole sentence does
 */
record ReadSentence(Passage passage, String language, List<Stem> stems, Set<String> stemSet, List<Fact> facts,
                    List<int[]> quotable, List<int[]> relative, List<int[]> subordinate, Years years,
                    List<Boolean> projecting) {

    /** A stem and the span of the word it came from, in the sentence. */
    record Stem(String stem, int start, int end) {
    }

    String text() {
        return passage.text();
    }

    List<int[]> clauses(ClauseSplitter.Level level) {
        return switch (level) {
            case QUOTABLE -> quotable;
            case RELATIVE -> relative;
            case SUBORDINATE -> subordinate;
        };
    }

    /** Whether the relative clause holding {@code offset} (the whole sentence when none does) speaks of a projection. */
    boolean projectsAt(int offset) {
        for (int i = 0; i < relative.size(); i++) {
            if (offset >= relative.get(i)[0] && offset < relative.get(i)[1]) {
                return projecting.get(i);
            }
        }
        return projecting.get(relative.size());
    }

    /** The stems of the words inside a span of the sentence. */
    Set<String> stemsIn(int from, int to) {
        Set<String> out = new java.util.HashSet<>();
        for (Stem s : stems) {
            if (s.start() >= from && s.end() <= to) {
                out.add(s.stem());
            }
        }
        return out;
    }
}
