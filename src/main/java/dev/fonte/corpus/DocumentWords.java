package dev.fonte.corpus;

import java.util.List;
import java.util.Set;

/**
 * What a document writes, read from its whole text once: the names it writes inside its sentences, those of each of
 * its paragraphs, the stems of its text and the words it writes in lower case. A question reads them for every
 * candidate document; a source built from an index keeps them there, so that a question never analyses a whole
 * document.
 *
 * @param names          the capitalised words written inside its sentences
 * @param paragraphNames per paragraph, in paragraph order, the names written inside it, each once, in the order they
 *                       are counted (the order decides nothing but is kept, so a reading from the index equals one made
 *                       from the text)
 * @param stems          the terms its text is analysed into, in its language
 * @param lowercase      the words its sentences write in lower case
 */
public record DocumentWords(Set<String> names, List<List<String>> paragraphNames, Set<String> stems,
                            Set<String> lowercase) {
}
