package dev.fonte.answer.extractive;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One content term of a question: the words it came from and the ways of saying it in each language the corpus has
 * (its stems, and each glossary synonym as the stems of all its words: "spesa in conto capitale" is said only by a
 * sentence with all three).
 *
 * @param phrases  per language code, the ways of saying the term
 * @param kind     what the term is to an answer: a name or number must be there, a year weighs little
 * @param glossary the glossary gave it synonyms: a domain concept, whose ways of saying it are all listed
 * @param asked    the asker wrote it in this turn (not carried over from the previous question of a follow-up)
 * @param start    where its words start in the question
 * @param common   the languages in which a name of the question is a common word: the lexicon says it there as a
 *                 word the corpus writes in lower case (the "June" of an English question is "giugno" in Italian,
 *                 "Italian" is "italiani"), so a sentence in one of them need not say it
 */
public record Term(String surface, Map<String, Set<List<String>>> phrases, Kind kind, boolean glossary,
                   boolean asked, int start, Set<String> common) {

    public Term {
        common = Set.copyOf(common);
    }

    public Term(String surface, Map<String, Set<List<String>>> phrases, Kind kind, boolean glossary, boolean asked,
                int start) {
        this(surface, phrases, kind, glossary, asked, start, Set.of());
    }

    /** What a term is to an answer. */
    public enum Kind {
        /** A word of the question's subject. */
        ORDINARY,
        /** A year: often implied by the sentence ("this year"), so it weighs little. */
        YEAR,
        /** A name or a number: an answering sentence must say it. */
        CRITICAL
    }

    public Set<List<String>> phrases(String language) {
        return phrases.getOrDefault(language, Set.of());
    }

    /** Every stem of every way of saying the term in a language. */
    public Set<String> stems(String language) {
        Set<String> out = new HashSet<>();
        phrases(language).forEach(out::addAll);
        return out;
    }

    public Term withKind(Kind newKind) {
        return new Term(surface, phrases, newKind, glossary, asked, start, common);
    }

    public Term asked(boolean value) {
        return new Term(surface, phrases, kind, glossary, value, start, common);
    }

    /** Whether a sentence in {@code language} must say it: a name or number, unless a common word there. */
    public boolean criticalIn(String language) {
        return kind == Kind.CRITICAL && !common.contains(language);
    }

    /** A name: a critical term with letters ("Microsoft", "L2", "G7"), not a bare figure. */
    public boolean isName() {
        return kind == Kind.CRITICAL && surface.chars().anyMatch(Character::isLetter);
    }
}
