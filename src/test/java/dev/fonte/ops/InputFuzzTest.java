package dev.fonte.ops;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hundreds of generated bad inputs (random bytes, broken and deeply nested JSON, oversized fields, other encodings,
 * wrong content types, ids with path characters) to every endpoint: never a 5xx, always problem+json for a 4xx from
 * the API, and the server still answers a good question afterwards. Seeded, so a failure reproduces.
 */
@MicronautTest
@Property(name = "fonte.ops.burst", value = "100000")
class InputFuzzTest {

    static final String[] POST_PATHS = {"/api/chat", "/api/chat/stream", "/api/admin/reindex", "/slack/commands",
            "/slack/events"};
    static final String[] GET_PATHS = {"/api/citations/", "/api/documents/", "/widget.js?", "/swagger/"};
    static final String[] CONTENT_TYPES = {"application/json", "text/plain", "application/x-www-form-urlencoded",
            "application/json; charset=utf-16", "multipart/form-data; boundary=x", "application/xml", ""};

    @Inject
    EmbeddedServer server;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Random random = new Random(20261128L);

    @Test
    void five_hundred_bad_inputs_never_get_a_5xx_and_a_good_question_is_answered_after_them() throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < 560; i++) {
            HttpRequest request = i % 4 == 3 ? badGet() : badPost();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            sent++;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() >= 500) {
                failures.add(response.statusCode() + " " + request.method() + " " + request.uri() + " "
                        + response.body());
            } else if (response.statusCode() >= 400 && request.uri().getPath().startsWith("/api/")
                    && !type.startsWith("application/problem+json")) {
                failures.add("not problem+json: " + response.statusCode() + " " + request.uri() + " " + type);
            } else if (response.body().contains("\tat ") || response.body().contains("Exception:")) {
                failures.add("stack trace: " + request.uri());
            }
        }

        assertThat(sent).isGreaterThanOrEqualTo(500);
        assertThat(failures).isEmpty();
        HttpResponse<String> good = http.send(post("/api/chat", "application/json",
                "{\"question\":\"Quante GPU userà Meta?\"}".getBytes(StandardCharsets.UTF_8)),
                HttpResponse.BodyHandlers.ofString());
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).contains("\"answered\":true");
    }

    HttpRequest badPost() {
        String path = POST_PATHS[random.nextInt(POST_PATHS.length)];
        String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        return post(path, type, badBody());
    }

    HttpRequest badGet() {
        String[] ids = {"..%2F..%2Fetc%2Fpasswd", "a%00b", "%2e%2e", "meta-ai-2025-it:1-0", "meta-ai-2025-it:-1-5",
                "x".repeat(3000), "%C3%28", "meta-ai-2025-it:0-999999999", "..%5C..%5Cwindows",
                java.net.URLEncoder.encode(randomAscii(40), StandardCharsets.UTF_8).replace("+", "%20")};
        String base = GET_PATHS[random.nextInt(GET_PATHS.length)];
        String id = ids[random.nextInt(ids.length)];
        return HttpRequest.newBuilder(URI.create(server.getURL() + base + id))
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    byte[] badBody() {
        return switch (random.nextInt(10)) {
            case 0 -> randomBytes(random.nextInt(2000));
            case 1 -> "{\"question\":".getBytes(StandardCharsets.UTF_8);
            case 2 -> ("{\"question\":\"" + "x".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            case 3 -> ("{\"question\":" + "[".repeat(5000) + "]".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
            case 4 -> "{\"question\":\"Quante GPU?\"}".getBytes(StandardCharsets.UTF_16);
            case 5 -> new byte[] {'{', '"', 'q', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
            case 6 -> ("{\"question\":\"ciao\",\"" + randomAscii(8) + "\":1}").getBytes(StandardCharsets.UTF_8);
            case 7 -> ("{\"question\":\"" + "x".repeat(2001 + random.nextInt(5000)) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case 8 -> "{\"question\":\"a\u0000b\"}".getBytes(StandardCharsets.UTF_8);
            default -> ("{\"question\":\"ok\",\"conversationId\":\"../../" + randomAscii(5) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    HttpRequest post(String path, String type, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.getURL() + path))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!type.isEmpty()) {
            b.header("Content-Type", type);
        }
        if (path.startsWith("/slack")) {
            b.header("X-Slack-Request-Timestamp", "1").header("X-Slack-Signature", "v0=" + randomAscii(10));
        }
        return b.build();
    }

    byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    String randomAscii(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) (33 + random.nextInt(94)));
        }
        return s.toString();
    }
}
