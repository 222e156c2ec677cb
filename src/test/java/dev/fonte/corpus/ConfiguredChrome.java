package dev.fonte.corpus;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The chrome patterns the application really runs with, read from its application.yml (not a copy of them). */
final class ConfiguredChrome {

    /** The real corpus folder of the repository (tests run from the project directory). */
    static final Path CORPUS = Path.of("corpus");

    private ConfiguredChrome() {
    }

    @SuppressWarnings("unchecked")
    static List<String> patterns() {
        try (InputStream in = ConfiguredChrome.class.getClassLoader().getResourceAsStream("application.yml")) {
            Map<String, Object> root = new Yaml().load(in);
            Map<String, Object> fonte = (Map<String, Object>) root.get("fonte");
            Map<String, Object> corpus = (Map<String, Object>) fonte.get("corpus");
            return List.copyOf((List<String>) corpus.get("chrome"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusLoader loader() {
        return new CorpusLoader(patterns());
    }
}
