package dev.fonte.retrieval;

import dev.fonte.corpus.Corpus;
import dev.fonte.corpus.CorpusException;
import dev.fonte.corpus.CorpusLoader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The domain glossary: every {@code *.synonyms} file of the corpus folder, in Solr's synonym format
 * ({@code GPU, chip grafici, graphics processors}), read with Lucene's {@link SolrSynonymParser}.
 */
public final class Glossary {

    private static final Logger LOG = LoggerFactory.getLogger(Glossary.class);

    private Glossary() {
    }

    /**
     * The glossary files of the folder, and the short forms the corpus's documents define for their names: "la Banca
     * centrale europea (Bce)" makes "Bce" and "Banca centrale europea" one term for every question.
     */
    public static SynonymMap load(Path corpusFolder, Corpus corpus) {
        return parse(files(corpusFolder), Aliases.of(corpus.sentences()));
    }

    public static SynonymMap load(Path corpusFolder) {
        return parse(files(corpusFolder), List.of());
    }

    /**
     * The text of every glossary file of a corpus folder, by file name, in name order; a file that cannot be read is
     * skipped with a warning. A missing folder has none.
     */
    public static Map<String, String> files(Path corpusFolder) {
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(corpusFolder) ? Files.list(corpusFolder) : Stream.empty()) {
            files = s.filter(p -> p.getFileName().toString().endsWith("." + CorpusLoader.GLOSSARY_TYPE))
                    .sorted().toList();
        } catch (IOException e) {
            throw new CorpusException("cannot list glossary files in " + corpusFolder, e);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                texts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.warn("Skipping glossary file {}: {}", file, e.getMessage());
            }
        }
        return texts;
    }

    /**
     * The synonym map of glossary texts (by file name: a file that does not parse is skipped with a warning) and of
     * the short forms documents define for names ({@link Aliases}, in glossary lines).
     */
    public static SynonymMap parse(Map<String, String> files, Collection<String> aliases) {
        try (Analyzer entries = FonteAnalyzers.glossaryEntries()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, entries);
            files.forEach((file, text) -> {
                for (String entry : stopWordEdges(text)) {
                    LOG.warn("Glossary file {}: the entry '{}' starts or ends with a stop word, which questions "
                            + "lose before the glossary is applied; it cannot match as written", file, entry);
                }
                try {
                    parser.parse(new StringReader(text));
                } catch (IOException | ParseException | IllegalArgumentException e) {
                    LOG.warn("Skipping glossary file {}: {}", file, e.getMessage());
                }
            });
            if (!aliases.isEmpty()) {
                try {
                    parser.parse(new StringReader(String.join("\n", aliases)));
                } catch (IOException | ParseException | IllegalArgumentException e) {
                    LOG.warn("Skipping the documents' own short forms of names: {}", e.getMessage());
                }
            }
            SynonymMap map = parser.build();
            LOG.debug("Glossary: {} file(s)", files.size());
            return map;
        } catch (IOException e) {
            throw new CorpusException("cannot build the glossary", e);
        }
    }

    /**
     * The entries of a glossary text that start or end with an Italian or English stop word ("numero uno"): the
     * query analyzer drops such a word after the synonym graph is built, which breaks the graph's paths.
     */
    static List<String> stopWordEdges(String text) {
        CharArraySet stop = new CharArraySet(ItalianAnalyzer.getDefaultStopSet(), true);
        stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            for (String entry : line.split(",|=>")) {
                String[] words = entry.strip().toLowerCase(Locale.ROOT).split("\\s+");
                if (words.length > 1 && (stop.contains(words[0]) || stop.contains(words[words.length - 1]))) {
                    out.add(entry.strip());
                }
            }
        }
        return out;
    }

    public static SynonymMap empty() {
        try {
            return new SynonymMap.Builder(true).build();
        } catch (IOException e) {
            throw new IllegalStateException("an empty synonym map cannot fail", e);
        }
    }
}
