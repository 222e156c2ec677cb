package dev.fonte.widget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * axe-core, the accessibility rules engine, run inside the page under test. It is a test dependency from the npm
 * registry that {@code .ci/run} installs into the git-ignored {@code .ci/node_modules} (the way Chromium comes from
 * Debian); {@code -Dfonte.axe=path/to/axe.min.js} points elsewhere.
 */
final class Axe {

    static final Path SCRIPT = Path.of(System.getProperty("fonte.axe", ".ci/node_modules/axe-core/axe.min.js"));

    /** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
    private static final String RULES = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']";

    /** Marks a browser test that also needs axe-core: BrowserCondition skips it, with the reason, without one. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Needed {
    }

    private Axe() {
    }

    static Optional<String> missing() {
        return Files.isReadable(SCRIPT) ? Optional.empty()
                : Optional.of("accessibility tests need axe-core (.ci/run installs it: npm install --prefix .ci "
                + "--no-save axe-core): " + SCRIPT + " is missing");
    }

    /** Every violation axe finds in the whole page, widget included, as "rule (impact): help: element: why". */
    @SuppressWarnings("unchecked")
    static List<String> violations(Browser browser) {
        if (!Boolean.TRUE.equals(browser.js("return typeof window.axe === 'object'"))) {
            try {
                browser.js(Files.readString(SCRIPT));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return (List<String>) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
                  .then(r => done(r.violations.flatMap(v => v.nodes.map(n =>
                    v.id + ' (' + v.impact + '): ' + v.help + ': ' + n.target.join(' > ') + ': ' + n.failureSummary))))
                  .catch(e => done(['axe failed: ' + e]));""".formatted(RULES));
    }
}
