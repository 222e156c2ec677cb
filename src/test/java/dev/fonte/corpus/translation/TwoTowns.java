package dev.fonte.corpus.translation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A two-document corpus from another domain than the one served (a bridge opened in Trento, in Italian; a harbour
 * reopened in Dover, in English) and the translation a model is scripted to give of each line, title and sentences.
 */
final class TwoTowns {

    static final String PONTE = """
            ---
            title: Trento inaugura il nuovo ponte
            language: it
            source: https://news.example/trento-ponte
            ---
            Il comune di Trento ha inaugurato il nuovo ponte sull'Adige. I lavori sono durati 18 mesi.

            Il ponte è lungo 240 metri e costa 12 milioni di euro. Ogni giorno lo attraverseranno 9000 biciclette.
            """;

    static final String HARBOUR = """
            ---
            title: Dover harbour reopens
            language: en
            ---
            The harbour of Dover reopened on Monday after the storm. Ferries will sail again from Tuesday.

            Repairs cost 3 million pounds, the port authority said.
            """;

    /** Every line the model is sent, in either direction, and the translation it gives. */
    static final Map<String, String> LINES = Map.ofEntries(
            Map.entry("Trento inaugura il nuovo ponte", "Trento opens its new bridge"),
            Map.entry("Il comune di Trento ha inaugurato il nuovo ponte sull'Adige.",
                    "The city of Trento opened the new bridge over the Adige."),
            Map.entry("I lavori sono durati 18 mesi.", "The works lasted 18 months."),
            Map.entry("Il ponte è lungo 240 metri e costa 12 milioni di euro.",
                    "The bridge is 240 metres long and costs 12 million euros."),
            Map.entry("Ogni giorno lo attraverseranno 9000 biciclette.", "Every day 9000 bicycles will cross it."),
            Map.entry("Dover harbour reopens", "Riapre il porto di Dover"),
            Map.entry("The harbour of Dover reopened on Monday after the storm.",
                    "Il porto di Dover ha riaperto lunedì dopo la tempesta."),
            Map.entry("Ferries will sail again from Tuesday.", "I traghetti torneranno a salpare da martedì."),
            Map.entry("Repairs cost 3 million pounds, the port authority said.",
                    "Le riparazioni sono costate 3 milioni di sterline, ha detto l'autorità portuale."));

    private TwoTowns() {
    }

    /** The scripted translation of a text sent line by line; a line the script does not know is not translated. */
    static String translate(String text) {
        return text.lines().map(line -> LINES.getOrDefault(line, line)).collect(Collectors.joining("\n"));
    }

    static void write(Path folder) throws IOException {
        Files.writeString(folder.resolve("ponte.it.md"), PONTE);
        Files.writeString(folder.resolve("harbour.en.md"), HARBOUR);
    }
}
