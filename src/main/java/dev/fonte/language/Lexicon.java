package dev.fonte.language;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * General bilingual news vocabulary, as data: for each pair of registered languages, the words and phrases of one
 * and what they can be in the other ({@code languages/lexicon/en-it.tsv}: {@code spend | spent<TAB>spendere | speso}).
 * A question in one language is carried into another with it, every sense kept (the ranking chooses), names and
 * figures as they are. Files named {@code <a>-<b>.tsv} in the corpus folder add to the shipped ones.
 */
public final class Lexicon {

    private static final Logger LOG = LoggerFactory.getLogger(Lexicon.class);
    private static final String FOLDER = "languages/lexicon/";
    private static final Pattern FILE = Pattern.compile("([a-z]{2})-([a-z]{2})\\.tsv");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}'’-]+");
    /** Longest phrase looked up, in words. */
    private static final int LONGEST = 4;
    /**
     * Longest ending, in letters, cut off a word the lexicon does not know for it to cross without it: a plural or a
     * possessive ("referendums", "F80s", "Ferrari's"); a longer cut leaves a stem no word of another language shares.
     */
    private static final int LONGEST_ENDING = 2;

    /** Words as they are written, lower-cased: a lexicon with no analysis matches only the forms it lists. */
    public static final Words AS_WRITTEN = (text, language) -> {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(new Word(m.group().toLowerCase(Locale.ROOT), m.start(), m.end()));
        }
        return out;
    };

    /** from language, to language, phrase (its words' keys) -> its translations. */
    private final Map<String, Map<String, Set<String>>> entries = new HashMap<>();
    /** The same, the phrases keyed by the looser comparison. */
    private final Map<String, Map<String, Set<String>>> loose = new HashMap<>();
    /** language -> the keys of the words its pack lists as shaping a question rather than saying what it asks. */
    private final Map<String, Set<String>> questionWords = new HashMap<>();
    private final Words words;
    private final Words looseWords;

    private Lexicon(Words words, Words looseWords) {
        this.words = words;
        this.looseWords = looseWords;
    }

    public static Lexicon empty() {
        return new Lexicon(AS_WRITTEN, AS_WRITTEN);
    }

    /**
     * How a language's text is cut into words that compare: the language's index analysis (so "rates", "rate" and
     * "rated" are one entry), each word with its place in the text. Words the analysis drops (stop words) are left
     * out of both the entries and the text looked up.
     */
    @FunctionalInterface
    public interface Words {
        List<Word> of(String text, String language);
    }

    /** A word's comparable form and where it is written. */
    public record Word(String key, int start, int end) {
    }

    /** The shipped lexicons of the registered languages, and those of the corpus folder, matched as written. */
    public static Lexicon load(Languages languages, Path corpusFolder) {
        return load(languages, corpusFolder, AS_WRITTEN);
    }

    /** The shipped lexicons of the registered languages, and those of the corpus folder (when there is one). */
    public static Lexicon load(Languages languages, Path corpusFolder, Words words) {
        return load(languages, corpusFolder, words, words);
    }

    /**
     * @param words      how words compare first (a form the lexicon lists is found under its own stem)
     * @param looseWords how a word none of whose entries compares so is compared next: a stronger stemming that also
     *                   folds the forms of verbs ("collaborano" finds "collaborare")
     */
    public static Lexicon load(Languages languages, Path corpusFolder, Words words, Words looseWords) {
        Lexicon lexicon = new Lexicon(words, looseWords);
        Set<String> codes = new LinkedHashSet<>();
        languages.all().forEach(l -> codes.add(l.code()));
        languages.all().forEach(l -> lexicon.questionWords.put(l.code(), Set.copyOf(
                words.of(String.join(" ", l.question().skip()), l.code()).stream().map(Word::key).toList())));
        for (String a : codes) {
            for (String b : codes) {
                String name = a + "-" + b + ".tsv";
                try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
                    if (in != null) {
                        lexicon.read(a, b, new InputStreamReader(in, StandardCharsets.UTF_8), FOLDER + name);
                    }
                } catch (IOException e) {
                    throw new LanguagePackException("cannot read " + FOLDER + name, e);
                }
            }
        }
        if (corpusFolder != null && Files.isDirectory(corpusFolder)) {
            try (Stream<Path> files = Files.list(corpusFolder)) {
                for (Path file : files.sorted().toList()) {
                    Matcher m = FILE.matcher(file.getFileName().toString());
                    if (m.matches() && codes.contains(m.group(1)) && codes.contains(m.group(2))) {
                        lexicon.read(m.group(1), m.group(2), new StringReader(Files.readString(file)), file.toString());
                    }
                }
            } catch (IOException e) {
                LOG.warn("Cannot read the lexicons of {}: {}", corpusFolder, e.getMessage());
            }
        }
        return lexicon;
    }

    /** Reads a lexicon text of the pair {@code a}-{@code b} into both directions. */
    void read(String a, String b, Reader text, String source) throws IOException {
        int lineNumber = 0;
        int read = 0;
        try (BufferedReader lines = new BufferedReader(text)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                String[] sides = line.split("\t");
                if (sides.length != 2) {
                    LOG.warn("{}:{}: a lexicon line is two columns separated by a tab; skipped", source, lineNumber);
                    continue;
                }
                List<String> left = phrases(sides[0]);
                List<String> right = phrases(sides[1]);
                add(a, b, left, right);
                add(b, a, right, left);
                read++;
            }
        }
        LOG.debug("Lexicon {}: {} line(s)", source, read);
    }

    private void add(String from, String to, List<String> phrases, List<String> translations) {
        Map<String, Set<String>> table = entries.computeIfAbsent(from + ">" + to, k -> new HashMap<>());
        Map<String, Set<String>> looseTable = loose.computeIfAbsent(from + ">" + to, k -> new HashMap<>());
        for (String phrase : phrases) {
            String key = key(words.of(phrase, from));
            if (!key.isEmpty()) {
                table.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(translations);
            }
            String looseKey = key(looseWords.of(phrase, from));
            if (!looseKey.isEmpty()) {
                looseTable.computeIfAbsent(looseKey, k -> new LinkedHashSet<>()).addAll(translations);
            }
        }
    }

    private static String key(List<Word> found) {
        return String.join(" ", found.stream().map(Word::key).toList());
    }

    private static List<String> phrases(String side) {
        List<String> out = new ArrayList<>();
        for (String p : side.split("\\|")) {
            String phrase = p.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (!phrase.isEmpty()) {
                out.add(phrase);
            }
        }
        return out;
    }

    /** Whether the lexicon can carry text from one language into another. */
    public boolean covers(String from, String to) {
        return entries.containsKey(from + ">" + to);
    }

    /**
     * The translations of one word or phrase (any case): those of the entries with its stems, else those of the
     * entries it compares with loosely; empty when the lexicon does not know it.
     */
    public Set<String> translations(String phrase, String from, String to) {
        if (!covers(from, to)) {
            return Set.of();
        }
        return lookUp(words.of(phrase, from), looseWords.of(phrase, from), from + ">" + to);
    }

    /** The translations of a run of words, by their stems, else loosely when both cut the text alike. */
    private Set<String> lookUp(List<Word> found, List<Word> looseFound, String pair) {
        String key = key(found);
        if (key.isEmpty()) {
            return Set.of();
        }
        Set<String> exact = entries.get(pair).getOrDefault(key, Set.of());
        if (!exact.isEmpty() || looseFound.size() != found.size()) {
            return exact;
        }
        return loose.get(pair).getOrDefault(key(looseFound), Set.of());
    }

    /**
     * A word as written in the text, without the part its analysis drops at an apostrophe: the elided article of
     * "l'Eras" or the possessive of "Microsoft's", which the other language's analysis would keep ("l'eras",
     * "microsoft's") and no sentence of its documents says. A word whose analysis keeps the apostrophe ("O'Brien")
     * stays whole.
     */
    private static String written(String text, Word w) {
        String word = text.substring(w.start(), w.end());
        String[] parts = word.split("['’]");
        if (parts.length < 2 || w.key().indexOf('\'') >= 0 || w.key().indexOf('’') >= 0) {
            return word;
        }
        String best = word;
        int longest = 0;
        for (String part : parts) {
            int shared = sharedPrefix(part.toLowerCase(Locale.ROOT), w.key());
            if (shared > longest) {
                longest = shared;
                best = part;
            }
        }
        return best;
    }

    /**
     * A word the lexicon does not know, as it crosses into another language: as written, and, when its analysis only
     * cut a short ending off it, also without that ending, since a word two languages share is inflected by each its
     * own way ("referendums" is "referendum" in Italian, "F80s" is "F80").
     */
    private static Set<String> untranslated(String text, Word w) {
        String word = written(text, w);
        String lower = word.toLowerCase(Locale.ROOT);
        if (endingOnly(w.key(), lower)) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(word, w.key())));
        }
        return Set.of(word);
    }

    /** Whether a word's analysis only cut a short ending off it (its key is the word without it). */
    public static boolean endingOnly(String key, String lowerCaseWord) {
        return key.length() >= 3 && key.length() < lowerCaseWord.length()
                && lowerCaseWord.length() - key.length() <= LONGEST_ENDING && lowerCaseWord.startsWith(key);
    }

    private static int sharedPrefix(String a, String b) {
        int n = 0;
        while (n < a.length() && n < b.length() && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n;
    }

    /**
     * A text carried word by word into another language: the longest phrases the lexicon knows, each as all its
     * translations; other words as they are (names and figures cross languages unchanged; a word the lexicon does
     * not know stays in case it is a name or a shared word).
     */
    public String carry(String text, String from, String to) {
        List<String> out = new ArrayList<>();
        carried(text, from, to, false).forEach(out::addAll);
        return String.join(" ", out);
    }

    /**
     * A question carried into another language as it is searched there: one group per word or phrase of the asker's,
     * each the alternatives it can be (itself when the lexicon does not know it), so that a word with six senses
     * weighs as much as a word with one. The words the asker's language lists as shaping a question rather than
     * saying what it asks ("how", "quanto") are left out: carried, they are every sense of a word that asks nothing.
     */
    public List<Set<String>> carryQuestion(String text, String from, String to) {
        return carried(text, from, to, true);
    }

    private List<Set<String>> carried(String text, String from, String to, boolean leaveOutQuestionWords) {
        String pair = from + ">" + to;
        Set<String> leftOut = leaveOutQuestionWords ? questionWords.getOrDefault(from, Set.of()) : Set.of();
        List<Word> found = words.of(text, from);
        List<Word> looseFound = looseWords.of(text, from);
        // both comparisons cut a text into the same words unless a pack's chains differ beyond their stemmers
        boolean aligned = looseFound.size() == found.size();
        List<Set<String>> out = new ArrayList<>();
        for (int i = 0; i < found.size(); ) {
            int taken = 0;
            Set<String> group = Set.of();
            for (int n = Math.min(LONGEST, found.size() - i); n >= 1 && taken == 0 && covers(from, to); n--) {
                Set<String> t = lookUp(found.subList(i, i + n), aligned ? looseFound.subList(i, i + n) : List.of(),
                        pair);
                if (!t.isEmpty()) {
                    group = Collections.unmodifiableSet(t);
                    taken = n;
                }
            }
            if (taken == 0) {
                group = untranslated(text, found.get(i));
                taken = 1;
            }
            if (!found.subList(i, i + taken).stream().allMatch(w -> leftOut.contains(w.key()))) {
                out.add(group);
            }
            i += taken;
        }
        return out;
    }
}
