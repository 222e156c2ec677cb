package dev.fonte.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge's manners, through the real server and raw sockets: every refusal is problem+json with a request id and a
 * detail a client can act on, naming no Java class and no server path; slow and silent clients are let go.
 */
@MicronautTest
@Property(name = "micronaut.server.cors.configurations.widget.allowed-origins", value = "https://news.example")
@Property(name = "fonte.http.request-read-timeout", value = "1s")
@Property(name = "micronaut.server.idle-timeout", value = "2s")
class HttpHygieneTest {

    /** What a client must never read in a detail: a qualified Java name, a Java type, a parser's API. */
    static final String JAVA_NAMES = "(?s).*(\\b[a-z]+\\.[a-z]+\\.[A-Za-z]|\\bclass\\b|Exception|`|\\bjava\\.).*";

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    Map<String, Object> problem(RawHttp.Response response) throws IOException {
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = json.readValue(response.body(), Map.class);
        assertThat(body.get("status")).isEqualTo(response.status());
        assertThat(String.valueOf(body.get("detail"))).isNotBlank().doesNotMatch(JAVA_NAMES);
        return body;
    }

    @Test
    void given_a_cross_origin_request_from_an_origin_not_allowed_then_403_problem_json_with_the_request_id()
            throws Exception {
        RawHttp.Response response = RawHttp.get(server.getPort(), "/api/documents", "Origin: https://evil.example",
                "X-Request-Id: cors-check-1");

        assertThat(response.status()).isEqualTo(403);
        assertThat(problem(response).get("detail").toString()).contains("origin");
        assertThat(response.header("X-Request-Id")).isEqualTo("cors-check-1");
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void given_a_5000_character_path_then_414_whose_instance_is_that_path() throws Exception {
        String path = "/api/citations/" + "a".repeat(5000 - "/api/citations/".length());

        RawHttp.Response response = RawHttp.get(server.getPort(), path);

        assertThat(response.status()).isEqualTo(414);
        Map<String, Object> body = problem(response);
        assertThat(body.get("instance")).isEqualTo(path);
        assertThat(body.get("detail").toString()).contains("5000").contains("2048");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void given_a_request_line_too_long_to_read_then_414_problem_json_without_a_made_up_instance() throws Exception {
        RawHttp.Response response = RawHttp.get(server.getPort(), "/" + "b".repeat(40_000));

        assertThat(response.status()).isEqualTo(414);
        assertThat(problem(response)).doesNotContainKey("instance");
        assertThat(response.body()).doesNotContain("bad-request");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void given_headers_too_large_to_read_then_431_problem_json() throws Exception {
        RawHttp.Response response = RawHttp.get(server.getPort(), "/api/documents", "X-Padding: " + "c".repeat(40_000));

        assertThat(response.status()).isEqualTo(431);
        problem(response);
    }

    @ParameterizedTest(name = "question {0}")
    @ValueSource(strings = {"42", "true", "false", "3.14", "{\"text\":\"Quanto?\"}", "[\"Quanto?\"]"})
    void given_a_question_that_is_not_a_json_string_then_400_says_so(String value) throws Exception {
        RawHttp.Response response = RawHttp.postJson(server.getPort(), "/api/chat", "{\"question\":" + value + "}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(problem(response).get("detail").toString()).contains("'question' must be a JSON string");
    }

    @ParameterizedTest(name = "body {0}")
    @ValueSource(strings = {"{\"question\":\"ok\",\"conversationId\":7}", "{\"question\":\"ok\",\"format\":true}",
            "{\"question\":\"ok\",\"extra\":1}", "[]", "42", "\"Quanto?\"", "{\"question\":", "{question:'x'}",
            "{\"question\":\"ok\",\"format\":\"xml\"}", "null", "{\"question\":\"\\u0007\"}"})
    void given_a_body_that_does_not_fit_then_400_whose_detail_names_no_java_class(String body) throws Exception {
        RawHttp.Response response = RawHttp.postJson(server.getPort(), "/api/chat", body);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        problem(response);
    }

    @Test
    void given_json_nested_past_the_parsers_limit_then_400_whose_detail_names_no_parser_internals() throws Exception {
        String body = "{\"question\":" + "[".repeat(1100) + "]".repeat(1100) + "}";

        RawHttp.Response response = RawHttp.postJson(server.getPort(), "/api/chat", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(problem(response).get("detail").toString()).contains("nested");
    }

    @Test
    void given_a_client_that_trickles_its_headers_then_408_and_the_connection_is_closed() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/documents HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // a header byte every 200 ms: never idle, never done (slowloris)
            IOException stopped = null;
            for (int i = 0; i < 100 && stopped == null; i++) {
                try {
                    out.write('X');
                    out.flush();
                    Thread.sleep(200);
                } catch (IOException e) {
                    stopped = e;
                }
                if (socket.getInputStream().available() > 0) {
                    break;
                }
            }

            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertThat(response).as("the server answered before closing").isNotNull();
            assertThat(response.status()).isEqualTo(408);
            assertThat(response.header("Connection")).isEqualTo("close");
            problem(response);
        }
    }

    @Test
    void given_a_client_that_stalls_in_its_body_then_408_and_the_connection_is_closed() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/chat HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"question\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();

            RawHttp.Response response = RawHttp.read(socket.getInputStream());

            assertThat(response).isNotNull();
            assertThat(response.status()).isEqualTo(408);
        }
    }

    @Test
    void given_a_connection_that_sends_nothing_then_it_is_closed_after_the_idle_timeout() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getPort())) {
            socket.setSoTimeout(20_000);
            InputStream in = socket.getInputStream();

            assertThat(in.read()).as("end of stream: the server closed the connection").isEqualTo(-1);
        }
    }

    @Test
    void given_a_keep_alive_connection_then_each_request_gets_its_own_time_and_a_pause_between_them_is_allowed()
            throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            byte[] request = "GET /health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            out.write(request);
            out.flush();
            String first = readStatusLine(socket.getInputStream());
            // longer than the request read timeout, shorter than the idle timeout
            Thread.sleep(1500);
            out.write("GET /health/liveness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            RawHttp.Response second = RawHttp.read(socket.getInputStream());

            assertThat(first).startsWith("HTTP/1.1 200");
            assertThat(second).isNotNull();
            assertThat(second.status()).isEqualTo(200);
        }
    }

    /** Reads one whole response of a kept-alive connection (its Content-Length body) and returns its status line. */
    private static String readStatusLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.append((char) c);
        }
        String length = head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .map(l -> l.substring(15).strip()).findFirst().orElse("0");
        in.readNBytes(Integer.parseInt(length));
        return head.toString().lines().findFirst().orElse("");
    }

    @Test
    void given_the_corpus_folder_is_missing_then_questions_plain_or_streamed_get_a_503_naming_no_server_path(
            @TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-corpus");
        try (EmbeddedServer broken = ApplicationContext.run(EmbeddedServer.class,
                Map.of("fonte.corpus.path", missing.toString()))) {
            RawHttp.Response response = RawHttp.postJson(broken.getPort(), "/api/chat",
                    "{\"question\":\"Quante GPU userà Meta?\"}");

            RawHttp.Response streamed = RawHttp.postJson(broken.getPort(), "/api/chat/stream",
                    "{\"question\":\"Quante GPU userà Meta?\"}");

            for (RawHttp.Response r : new RawHttp.Response[] {response, streamed}) {
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.header("Retry-After")).isNotBlank();
                assertThat(r.body()).doesNotContain(dir.toString()).doesNotContain("no-such-corpus");
                problem(r);
            }
        }
    }
}
