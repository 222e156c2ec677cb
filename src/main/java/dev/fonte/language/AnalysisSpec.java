package dev.fonte.language;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharFilterFactory;
import org.apache.lucene.analysis.TokenFilterFactory;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.TokenizerFactory;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.ClasspathResourceLoader;
import org.apache.lucene.util.ResourceLoader;
import org.apache.lucene.util.ResourceLoaderAware;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A language's Lucene analysis as its pack writes it: char filters, a tokenizer and token filters named by Lucene's
 * analysis factory names ({@code patternReplace}, {@code standard}, {@code elision}, {@code italianLightStem}), with
 * their arguments; a list argument is a word list given inline. The step {@code glossary} is where a question meets
 * the glossary's synonyms: skipped when documents are indexed.
 */
public final class AnalysisSpec {

    /** One analysis step: a factory name and its arguments. */
    record Step(String name, Map<String, Object> args) {
    }

    static final String GLOSSARY = "glossary";

    private final List<Step> charFilters;
    private final Step tokenizer;
    private final List<Step> filters;
    /** The filters of the chain that compares bilingual lexicon entries; the index's when the pack gives none. */
    private final List<Step> lexiconFilters;

    private AnalysisSpec(List<Step> charFilters, Step tokenizer, List<Step> filters, List<Step> lexiconFilters) {
        this.charFilters = charFilters;
        this.tokenizer = tokenizer;
        this.filters = filters;
        this.lexiconFilters = lexiconFilters;
    }

    static AnalysisSpec of(Language.Node node) {
        List<Step> filters = steps(node.raw().get("filters"));
        return new AnalysisSpec(steps(node.raw().get("charFilters")), step(node.raw().get("tokenizer")), filters,
                lexiconFilters(filters, node.raw().get("lexicon")));
    }

    /**
     * The index filters with the one the pack's {@code lexicon: {replace: a, with: b}} names replaced: a stemmer that
     * also folds the forms of verbs, for words looked up in the bilingual lexicon. {@code with} may be a list of steps,
     * and {@code drop} names steps of the chain the lexicon goes without: a stemmer that reads accents ("decidió") is
     * given the words before their accents are folded, then folds them itself.
     */
    private static List<Step> lexiconFilters(List<Step> filters, Object lexicon) {
        if (lexicon == null) {
            return filters;
        }
        if (!(lexicon instanceof Map<?, ?> map) || map.get("replace") == null || map.get("with") == null) {
            throw new LanguagePackException("analysis.lexicon is {replace: <a filter of the chain>, with: <a filter or"
                    + " a list of filters>, drop: <filters of the chain>}");
        }
        String replaced = map.get("replace").toString();
        if (filters.stream().noneMatch(f -> f.name().equals(replaced))) {
            throw new LanguagePackException("analysis.lexicon replaces " + replaced
                    + ", which the chain does not have");
        }
        List<Step> with = map.get("with") instanceof List<?> ? steps(map.get("with")) : List.of(step(map.get("with")));
        List<String> dropped = new ArrayList<>();
        if (map.get("drop") instanceof List<?> names) {
            names.forEach(n -> dropped.add(n.toString()));
        }
        for (String name : dropped) {
            if (name.equals(replaced) || filters.stream().noneMatch(f -> f.name().equals(name))) {
                throw new LanguagePackException("analysis.lexicon drops " + name + ", which the chain does not have"
                        + " apart from the step it replaces");
            }
        }
        List<Step> out = new ArrayList<>();
        for (Step f : filters) {
            if (f.name().equals(replaced)) {
                out.addAll(with);
            } else if (!dropped.contains(f.name())) {
                out.add(f);
            }
        }
        return List.copyOf(out);
    }

    private static List<Step> steps(Object list) {
        List<Step> out = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.forEach(i -> out.add(step(i)));
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    private static Step step(Object item) {
        if (item instanceof String name) {
            return new Step(name, Map.of());
        }
        if (item instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> e = map.entrySet().iterator().next();
            Map<String, Object> args = e.getValue() instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
            return new Step(e.getKey().toString(), args);
        }
        throw new LanguagePackException("an analysis step is a factory name, or one name with its arguments: " + item);
    }

    /**
     * A new analyzer for this language: the index chain, or with {@code synonyms} the question chain (the glossary
     * applied at its step). Factories are built now, so a bad pack fails here and not at the first question.
     */
    public Analyzer analyzer(String code, SynonymMap synonyms) {
        return analyzer(code, filters, synonyms);
    }

    /**
     * A new analyzer for the words of bilingual lexicon entries and of the questions looked up in them: the index
     * chain, its stemmer replaced when the pack says so (a lookup also finds "collaborano" under "collaborare").
     */
    public Analyzer lexiconAnalyzer(String code) {
        return analyzer(code, lexiconFilters, null);
    }

    private Analyzer analyzer(String code, List<Step> filters, SynonymMap synonyms) {
        InlineResources resources = new InlineResources();
        List<CharFilterFactory> chars = new ArrayList<>();
        for (Step s : charFilters) {
            chars.add(inform(CharFilterFactory.forName(s.name(), resources.args(code, s)), resources));
        }
        TokenizerFactory tokens = inform(TokenizerFactory.forName(tokenizer.name(), resources.args(code, tokenizer)),
                resources);
        List<TokenFilterFactory> steps = new ArrayList<>();
        for (Step s : filters) {
            // null marks where the glossary goes
            steps.add(s.name().equals(GLOSSARY) ? null
                    : inform(TokenFilterFactory.forName(s.name(), resources.args(code, s)), resources));
        }
        return new PackAnalyzer(List.copyOf(chars), tokens, steps, synonyms);
    }

    private static <T> T inform(T factory, ResourceLoader loader) {
        if (factory instanceof ResourceLoaderAware aware) {
            try {
                aware.inform(loader);
            } catch (IOException e) {
                throw new LanguagePackException("cannot read a resource of analysis step " + factory, e);
            }
        }
        return factory;
    }

    /** Word lists written inline in a pack, served to Lucene's factories as if they were files; else the classpath. */
    private static final class InlineResources implements ResourceLoader {
        private static final String PREFIX = "inline:";
        private final Map<String, String> inline = new HashMap<>();
        private final ClasspathResourceLoader classpath =
                new ClasspathResourceLoader(AnalysisSpec.class.getClassLoader());

        Map<String, String> args(String code, Step step) {
            Map<String, String> args = new LinkedHashMap<>();
            step.args().forEach((k, v) -> {
                if (v instanceof List<?> words) {
                    String name = PREFIX + code + "/" + step.name() + "/" + k;
                    inline.put(name, String.join("\n", words.stream().map(String::valueOf).toList()));
                    args.put(k, name);
                } else {
                    args.put(k, String.valueOf(v));
                }
            });
            return args;
        }

        @Override
        public InputStream openResource(String resource) throws IOException {
            String text = inline.get(resource);
            return text != null ? new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))
                    : classpath.openResource(resource);
        }

        @Override
        public <T> Class<? extends T> findClass(String cname, Class<T> expectedType) {
            return classpath.findClass(cname, expectedType);
        }
    }

    /** The analyzer a pack describes; thread-safe like any Lucene analyzer. */
    private static final class PackAnalyzer extends Analyzer {
        private final List<CharFilterFactory> chars;
        private final TokenizerFactory tokens;
        private final List<TokenFilterFactory> steps;
        private final SynonymMap synonyms;

        PackAnalyzer(List<CharFilterFactory> chars, TokenizerFactory tokens, List<TokenFilterFactory> steps,
                     SynonymMap synonyms) {
            this.chars = chars;
            this.tokens = tokens;
            this.steps = steps;
            this.synonyms = synonyms;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            Reader r = reader;
            for (CharFilterFactory f : chars) {
                r = f.create(r);
            }
            return r;
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            Reader r = reader;
            for (CharFilterFactory f : chars) {
                r = f.normalize(r);
            }
            return r;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = tokens.create();
            TokenStream ts = source;
            for (TokenFilterFactory f : steps) {
                if (f != null) {
                    ts = f.create(ts);
                } else if (synonyms != null && synonyms.fst != null) {
                    ts = new SynonymGraphFilter(ts, synonyms, true);
                }
            }
            return new TokenStreamComponents(source, ts);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            TokenStream ts = in;
            for (TokenFilterFactory f : steps) {
                if (f != null) {
                    ts = f.normalize(ts);
                }
            }
            return ts;
        }
    }

}
