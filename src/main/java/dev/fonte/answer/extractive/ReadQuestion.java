package dev.fonte.answer.extractive;

import dev.fonte.language.FactKind;
import dev.fonte.language.Language;

import java.util.List;
import java.util.Optional;

/**
 * A question as the engine reads it, once, before any sentence is scored.
 *
 * @param text         the question after the language's rewrites (the standalone form of a follow-up)
 * @param kind         the kind of fact it asks for ({@link FactKind#NONE} for a yes/no or an open question)
 * @param identity     it asks who fits a whole description ("Who is X's CEO?"): every term must be in the sentence
 * @param terms        its content terms
 * @param thing        what a count counts or an amount measures ("Quante GPU", "How much water"), if it names one
 * @param thingWords   the words that name it, as written
 * @param alternatives of an either/or question, the two alternatives ("nuclear or solar"); else empty
 * @param years        the years it speaks of, written or relative
 * @param verbs        the terms of the verb that asks for the fact ("guadagnato", "earned")
 * @param excluded     the terms of names the answer must be about someone other than ("besides Meta")
 */
public record ReadQuestion(Language language, String text, FactKind kind, boolean identity, List<Term> terms,
                           Optional<Term> thing, String thingWords, List<Term> alternatives, Years years,
                           List<Term> verbs, List<Term> excluded) {

    /** The terms that are names (not numbers). */
    public List<Term> names() {
        return terms.stream().filter(Term::isName).toList();
    }
}
