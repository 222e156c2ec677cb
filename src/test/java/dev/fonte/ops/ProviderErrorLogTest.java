package dev.fonte.ops;

import com.sun.net.httpserver.HttpServer;
import dev.fonte.http.RawHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real provider client refused by its server, whose error body echoes the key it was sent (as some do): the server
 * falls back to the embedded model, and the warning it logs names the request but not the key, in both formats.
 */
class ProviderErrorLogTest {

    /** A key of no known shape: only the configured-secret redaction can catch it. */
    static final String KEY = "tenant42-quartz-harbor-7781";

    HttpServer provider;
    LogCapture text;
    LogCapture json;

    @BeforeEach
    void start() throws Exception {
        provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        provider.createContext("/", exchange -> {
            String sent = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = ("{\"error\":{\"message\":\"Incorrect API key provided: " + sent.substring(7)
                    + " (header " + sent + ")\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        provider.start();
        text = new LogCapture(false);
        json = new LogCapture(true);
    }

    @AfterEach
    void stop() {
        text.close();
        json.close();
        provider.stop(0);
    }

    @Test
    void given_a_provider_that_echoes_the_key_in_its_error_then_the_warning_names_the_request_and_not_the_key()
            throws Exception {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "fonte.answer.provider", "openai",
                "fonte.answer.model", "fake-model",
                "fonte.answer.base-url", "http://127.0.0.1:" + provider.getAddress().getPort() + "/v1",
                "fonte.answer.api-key", KEY,
                "fonte.answer.breaker-failures", "100"))) {
            RawHttp.Response answer = RawHttp.postJson(server.getPort(), "/api/chat",
                    "{\"question\":\"Quante GPU userà Meta?\"}", "X-Request-Id: provider-plain-1");
            RawHttp.Response stream = RawHttp.postJson(server.getPort(), "/api/chat/stream",
                    "{\"question\":\"Quanto investirà Meta?\"}", "X-Request-Id: provider-stream-2");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("fallback: openai");
            assertThat(stream.status()).isEqualTo(200);
        }

        List<String> warnings = text.linesWith("Incorrect API key provided");
        assertThat(warnings).as(String.join("\n", text.lines())).hasSize(2);
        assertThat(warnings.get(0)).contains("[provider-plain-1]").contains("Incorrect API key provided: [redacted]")
                .contains("Bearer [redacted]");
        assertThat(warnings.get(1)).contains("[provider-stream-2]");
        assertThat(text.lines()).noneMatch(l -> l.contains(KEY));
        assertThat(json.lines()).noneMatch(l -> l.contains(KEY)).anyMatch(l -> l.contains("provider-stream-2"));
    }
}
