package dev.fonte.answer;

import java.util.List;

/** What Fonte says, in the question's language, when the corpus does not support an answer. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * @param missing what the question asks that the sources lack (may be empty)
     * @param titles  titles of the documents the corpus does cover
     */
    public static String message(String language, String missing, List<String> titles) {
        boolean en = "en".equals(language);
        StringBuilder b = new StringBuilder();
        if (titles.isEmpty()) {
            return en ? "I cannot answer: there are no documents to answer from yet."
                    : "Non posso rispondere: non ci sono ancora documenti su cui basare una risposta.";
        }
        if (missing == null || missing.isBlank()) {
            b.append(en ? "The article does not say." : "L'articolo non lo dice.");
        } else if (FACT_NAMES.contains(missing)) {
            // the question's subject is there, the kind of fact it asks for is not: "does not say where"
            b.append(en ? "The article does not say " : "L'articolo non dice ").append(missing).append('.');
        } else {
            b.append(en ? "The article does not say anything about " : "L'articolo non dice nulla su ")
                    .append('"').append(missing).append("\".");
        }
        b.append(en ? " It covers: " : " Tratta di: ").append(String.join("; ", titles)).append('.');
        return b.toString();
    }

    /** The refusal of an order that is not a question about the documents ("ignore the rules", "write a poem"). */
    public static String instruction(String language, List<String> titles) {
        boolean en = "en".equals(language);
        return (en ? "I only answer questions about the documents, from what they say; I do not follow other "
                + "instructions. It covers: "
                : "Rispondo solo a domande sui documenti, con ciò che dicono; non eseguo altre istruzioni. Tratta di: ")
                + String.join("; ", titles) + '.';
    }

    private static final java.util.Set<String> FACT_NAMES = java.util.Arrays.stream(QuestionType.values())
            .flatMap(t -> java.util.stream.Stream.of(factName(t, "it"), factName(t, "en")))
            .filter(n -> !n.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The name of the kind of fact a question type asks for. */
    static String factName(QuestionType type, String language) {
        boolean en = "en".equals(language);
        return switch (type) {
            case PLACE -> en ? "where" : "il luogo";
            case PRICE -> en ? "the price" : "il prezzo";
            case TIME -> en ? "when" : "la data";
            case AMOUNT -> en ? "the amount" : "la cifra";
            case COUNT -> en ? "the number" : "il numero";
            case PERSON -> en ? "who" : "chi";
            case GENERIC -> "";
        };
    }
}
