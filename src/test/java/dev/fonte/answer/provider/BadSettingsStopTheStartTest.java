package dev.fonte.answer.provider;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application, started as an operator starts it ({@code dev.fonte.Application}'s main in a JVM of its own,
 * settings in environment variables), with each bad provider setting: it does not start. It exits with status 1
 * after one line that names the variable and the values it takes, and prints no stack trace.
 */
class BadSettingsStopTheStartTest {

    /** Far longer than a refused start takes (a few seconds); only a start that wrongly goes on reaches it. */
    static final long PATIENCE_SECONDS = 90;

    /**
     * The values once seen to slip through the start (an unknown provider, a missing key, a temperature of 3, a
     * deadline under the timeout), and the grounding mode; the in-process test covers every other one.
     */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> badValues() {
        java.util.Set<String> seen = java.util.Set.of("nonsense", "anthropic", "openai", "3", "1s", "loose");
        return ProviderConfigurationTest.badValues().filter(a -> seen.contains((String) a.get()[2]));
    }

    @ParameterizedTest(name = "{0}={2}")
    @MethodSource("badValues")
    void given_a_bad_setting_then_the_application_does_not_start_and_says_why_in_one_line(
            String variable, String key, String value, String names, String allowed) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a refused start is short: the quick compiler is all it needs
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "dev.fonte.Application"));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("FONTE_") || k.startsWith("MICRONAUT_"));
        env.put("FONTE_PRELOAD", "false");
        env.put("MICRONAUT_SERVER_PORT", "-1");
        env.put(variable, value);
        builder.redirectErrorStream(true);

        Process process = builder.start();
        boolean ended = process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = read(process);

        assertThat(ended).as("the application stopped by itself; it printed:%n%s", output).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        List<String> problem = output.lines().filter(l -> l.contains("Fonte cannot start: ")).toList();
        assertThat(problem).as(output).hasSize(1);
        assertThat(problem.get(0)).contains(names).contains(allowed);
        assertThat(output.lines()).as("no stack trace").noneMatch(l -> l.matches("\\s+at [\\w.$]+\\(.*"))
                .noneMatch(l -> l.startsWith("Caused by:"));
    }

    private static String read(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
