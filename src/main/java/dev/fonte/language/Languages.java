package dev.fonte.language;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The languages Fonte reads: the packs listed in {@code languages/index.yaml}, loaded once. It tells which language a
 * text is in from each pack's own words and patterns, a word two packs list counting for neither.
 */
public final class Languages {

    private static final String FOLDER = "languages/";
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’]\\p{L}+)?");
    private static volatile Languages standard;

    private final Map<String, Language> byCode;
    private final Language fallback;
    private final Map<String, Set<String>> distinctive;
    /** Every pack's detection words, with how many packs list each. */
    private final Map<String, Integer> listed;

    private Languages(List<Language> languages) {
        if (languages.isEmpty()) {
            throw new LanguagePackException("no language is registered in " + FOLDER + "index.yaml");
        }
        Map<String, Language> codes = new LinkedHashMap<>();
        languages.forEach(l -> codes.put(l.code(), l));
        this.byCode = Map.copyOf(codes);
        this.fallback = languages.get(0);
        Map<String, Integer> listed = new HashMap<>();
        languages.forEach(l -> l.detectionWords().forEach(w -> listed.merge(w, 1, Integer::sum)));
        this.listed = Map.copyOf(listed);
        Map<String, Set<String>> own = new HashMap<>();
        for (Language l : languages) {
            own.put(l.code(), Set.copyOf(l.detectionWords().stream().filter(w -> listed.get(w) == 1).toList()));
        }
        this.distinctive = Map.copyOf(own);
        this.ordered = List.copyOf(languages);
    }

    private final List<Language> ordered;

    /** The packs shipped on the classpath, as {@code languages/index.yaml} lists them. Loaded once. */
    public static Languages standard() {
        Languages s = standard;
        if (s == null) {
            synchronized (Languages.class) {
                s = standard;
                if (s == null) {
                    s = load(Languages.class.getClassLoader());
                    standard = s;
                }
            }
        }
        return s;
    }

    static Languages load(ClassLoader loader) {
        Map<String, Object> index = read(loader, FOLDER + "index.yaml");
        Object codes = index.get("languages");
        if (!(codes instanceof List<?> list)) {
            throw new LanguagePackException(FOLDER + "index.yaml must list 'languages'");
        }
        List<Language> languages = new ArrayList<>();
        for (Object code : list) {
            String file = FOLDER + code.toString().toLowerCase(Locale.ROOT) + ".yaml";
            Language language = Language.of(file, read(loader, file));
            // building the analyzers now makes a pack with a bad analysis step fail the start, naming the pack
            language.analysis().analyzer(language.code(), null).close();
            language.analysis().lexiconAnalyzer(language.code()).close();
            languages.add(language);
        }
        return new Languages(languages);
    }

    private static Map<String, Object> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new LanguagePackException("language resource not found: " + resource);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                Object yaml = yaml().load(reader);
                if (!(yaml instanceof Map<?, ?>)) {
                    throw new LanguagePackException(resource + " is not a YAML mapping");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) yaml;
                return map;
            }
        } catch (IOException e) {
            throw new LanguagePackException("cannot read " + resource, e);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new LanguagePackException(resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * A YAML reader for word lists: only {@code true} and {@code false} are booleans, so that words such as "on",
     * "off", "no", "yes" and the Spanish "y" stay words (YAML 1.1 would read them as booleans).
     */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new Resolver() {
                    @Override
                    protected void addImplicitResolvers() {
                        addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|false)$"), "tf");
                        addImplicitResolver(Tag.INT, INT, "-+0123456789");
                        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
                        addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null)$"), "~n");
                        addImplicitResolver(Tag.NULL, EMPTY, null);
                    }
                });
    }

    /** Every registered language, the default first. */
    public Collection<Language> all() {
        return ordered;
    }

    /** The language a text is taken to be in when nothing tells the languages apart. */
    public Language defaultLanguage() {
        return fallback;
    }

    /** The registered language with this code (any case). */
    public Optional<Language> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code.strip().toLowerCase(Locale.ROOT)));
    }

    /** The registered language with this code, or the default one. */
    public Language get(String code) {
        return find(code).orElse(fallback);
    }

    /** What a corpus's documents say: whether those in a language use a word. */
    @FunctionalInterface
    public interface Vocabulary {
        boolean uses(String language, String word);
    }

    /** The language of the text, or empty when its evidence does not single one out (no evidence, or a tie). */
    public Optional<Language> recognise(String text) {
        return recognise(text, null);
    }

    /**
     * The language of the text, its packs' evidence joined by a corpus's: a word in lower case, of four letters or
     * more and listed by no pack, that only one language's documents use is evidence for that language ("La Corte ha
     * riconosciuto lo stalking?" is Italian by "riconosciuto", though "stalking" has the shape of an English word).
     */
    public Optional<Language> recognise(String text, Vocabulary vocabulary) {
        List<String> words = new ArrayList<>();
        Map<String, Double> used = new HashMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String written = m.group();
            String w = written.toLowerCase(Locale.ROOT);
            if (w.indexOf('\'') >= 0 || w.indexOf('’') >= 0) {
                continue;
            }
            words.add(w);
            if (vocabulary != null && w.length() >= 4 && written.equals(w) && !listed.containsKey(w)) {
                List<Language> users = ordered.stream().filter(l -> vocabulary.uses(l.code(), w)).toList();
                if (users.size() == 1) {
                    used.merge(users.get(0).code(), 1.0, Double::sum);
                }
            }
        }
        Language best = null;
        double bestScore = 0;
        boolean tie = false;
        for (Language l : ordered) {
            double score = l.evidence(words, text, distinctive.get(l.code())) + used.getOrDefault(l.code(), 0.0);
            if (score > bestScore) {
                best = l;
                bestScore = score;
                tie = false;
            } else if (score == bestScore && score > 0) {
                tie = true;
            }
        }
        return tie || best == null ? Optional.empty() : Optional.of(best);
    }

    /** The language of the text; the default one when its evidence does not single one out. */
    public Language detect(String text) {
        return recognise(text).orElse(fallback);
    }
}
