package dev.fonte.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server as it is launched, in its own process with {@code FONTE_LOG_FORMAT=json}: everything it writes to the
 * console, from the first line to the last, is one JSON object per line (no banner), with rendered messages.
 */
class JsonLogProcessTest {

    @Test
    void given_json_logs_then_every_console_line_from_start_to_stop_is_a_json_object() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path output = Files.createTempFile(Path.of("target"), "json-log-", ".txt");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, "dev.fonte.Application")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("FONTE_LOG_FORMAT", "json");
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.environment().put("FONTE_INDEX_PATH", "target/test-indexes/json-log");
        Process server = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            int status = 0;
            for (int i = 0; i < 600 && status != 200 && server.isAlive(); i++) {
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
                            .header("Content-Type", "application/json").header("X-Request-Id", "json-process-1")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"question\":\"Quante GPU userà Meta?\"}"))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException notListening) {
                    Thread.sleep(100);
                }
            }
            assertThat(status).as("the server answered; its output: %s", output).isEqualTo(200);
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }

        List<String> lines = Files.readAllLines(output);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            try {
                events.add(json.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        assertThat(events).isNotEmpty().allSatisfy(e -> assertThat(e.isObject()).isTrue());
        assertThat(events).extracting(e -> e.path("message").asText())
                .anySatisfy(m -> assertThat(m).startsWith("Startup completed in").doesNotContain("{}"))
                .noneSatisfy(m -> assertThat(m).contains("{}"));
        Files.delete(output);
    }
}
