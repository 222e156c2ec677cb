package dev.fonte.corpus;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;

/**
 * The YAML header between two {@code ---} lines at the top of a document, read with SnakeYAML: comments, quoting and
 * escapes are YAML's. Every value is kept as the text it is written as ({@code language: no} is the language "no",
 * {@code date: 2025-01-24} the text "2025-01-24"). Keys are lowercase; {@link #bodyOffset()} says where the body
 * starts in the file. A header that opens but never closes, or that is not a YAML mapping, is an error: the file
 * would otherwise be read with its header as text.
 */
record FrontMatter(Map<String, Object> fields, int bodyOffset) {

    private static final String FENCE = "---";

    static FrontMatter parse(String raw) {
        if (!raw.startsWith(FENCE + "\n")) {
            return new FrontMatter(Map.of(), 0);
        }
        int start = FENCE.length() + 1;
        int pos = start;
        while (pos <= raw.length()) {
            int eol = raw.indexOf('\n', pos);
            String line = raw.substring(pos, eol < 0 ? raw.length() : eol).strip();
            if (line.equals(FENCE) || line.equals("...")) {
                return new FrontMatter(fields(raw.substring(start, pos)), eol < 0 ? raw.length() : eol + 1);
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
        }
        throw new CorpusException("its front matter opens with '---' on the first line but is never closed by a "
                + "'---' line");
    }

    /** The text of {@code key}, or null when it is absent or blank. */
    String get(String key) {
        Object value = fields.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new CorpusException("front matter '" + key + "' must be a single value, not a list or a mapping");
        }
        return text.isBlank() ? null : text.strip();
    }

    private static Map<String, Object> fields(String header) {
        Object parsed;
        try {
            parsed = yaml().load(header);
        } catch (MarkedYAMLException e) {
            throw new CorpusException("its front matter is not valid YAML: " + e.getProblem() + " (header line "
                    + (e.getProblemMark() == null ? "?" : e.getProblemMark().getLine() + 1) + ")", e);
        } catch (YAMLException e) {
            throw new CorpusException("its front matter is not valid YAML: " + e.getMessage(), e);
        }
        if (parsed == null) {
            return Map.of();
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new CorpusException("its front matter must be 'key: value' lines");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        map.forEach((k, v) -> fields.put(String.valueOf(k).strip().toLowerCase(Locale.ROOT), v == null ? "" : v));
        return Collections.unmodifiableMap(fields);
    }

    /** Safe construction (no Java types), and no implicit types: every scalar stays text, as written. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // none: no booleans, numbers, dates or nulls guessed from plain text
            }
        };
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, textOnly);
    }
}
