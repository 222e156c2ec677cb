package dev.fonte.ops;

import dev.fonte.http.RawHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI document against the server's behaviour: for every operation, every error status the document
 * lists is provoked from the running server, and the answer must be that status in problem+json with the documented
 * Problem fields. A status documented without a way to provoke it fails the test, so the document cannot promise
 * what the server does not do, nor hide what it does.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "fonte.ops.api-keys", value = "contract-key-1")
@Property(name = "fonte.ops.admin-key", value = "contract-admin-1")
@Property(name = "fonte.ops.trusted-proxies", value = "127.0.0.1,::1")
@Property(name = "fonte.ops.anonymous-burst", value = "2")
@Property(name = "fonte.ops.anonymous-rate-per-second", value = "0.01")
class OpenApiContractTest {

    static final String KEY = "Authorization: Bearer contract-key-1";

    @Inject
    EmbeddedServer server;

    @Inject
    JsonMapper json;

    /** A server whose index never gets built (its corpus folder is missing): every question is a 503. */
    EmbeddedServer notReady;

    @BeforeAll
    void startNotReady(@TempDir Path dir) {
        notReady = ApplicationContext.run(EmbeddedServer.class, Map.of("fonte.corpus.path",
                dir.resolve("missing").toString(), "fonte.ops.anonymous-burst", "1000"));
    }

    @AfterAll
    void stopNotReady() {
        notReady.close();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> spec(EmbeddedServer on) throws IOException {
        RawHttp.Response response = RawHttp.get(on.getPort(), "/swagger/" + OpenApiController.SPEC);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/yaml");
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(response.body());
    }

    /** Provokes {@code status} on the operation: the recipe for each status the API can answer. */
    RawHttp.Response provoke(String method, String path, int status) throws IOException {
        String target = path.replace("{id}", path.startsWith("/api/citations") ? "meta-ai-2025-it:0-10"
                : "meta-ai-2025-it");
        String address = AccessCases.freshAddress();
        String from = "X-Forwarded-For: " + address;
        String body = "{\"question\":\"Quante GPU userà Meta?\"}";
        return switch (status) {
            // a body of the wrong JSON type, or (a GET) a page out of bounds
            case 400 -> method.equals("get") ? RawHttp.get(server.getPort(), target + "?limit=0", KEY, from)
                    : RawHttp.postJson(server.getPort(), target, "{\"question\":42}", KEY, from);
            case 401 -> send(server, method, target, body, from);
            case 404 -> send(server, method, path.replace("{id}", "nessun-documento:1-2"), body, KEY, from);
            case 413 -> RawHttp.postJson(server.getPort(), target, "{\"question\":\"" + "a".repeat(70_000) + "\"}",
                    KEY, from);
            case 414 -> send(server, method, path.replace("{id}", "x".repeat(5000)), body, KEY, from);
            case 415 -> RawHttp.send(server.getPort(), "POST " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: text/plain\r\n" + KEY + "\r\n" + from + "\r\n", "Quante GPU?");
            case 429 -> {
                RawHttp.Response last = null;
                for (int i = 0; i < 5 && (last == null || last.status() != 429); i++) {
                    last = send(server, method, target, body, "Authorization: Bearer wrong-" + i, from);
                }
                yield last;
            }
            case 503 -> send(notReady, method, target, body);
            default -> throw new AssertionError("the spec documents " + status + " on " + method + " " + path
                    + ", and this test has no way to provoke it: document only what the server answers");
        };
    }

    static RawHttp.Response send(EmbeddedServer on, String method, String target, String body, String... headers)
            throws IOException {
        return method.equals("post") ? RawHttp.postJson(on.getPort(), target, body, headers)
                : RawHttp.get(on.getPort(), target, headers);
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_documented_error_of_every_operation_is_answered_as_documented() throws Exception {
        Map<String, Object> spec = spec(server);
        Map<String, Object> problemSchema = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                spec.get("components")).get("schemas")).get("Problem");
        List<String> checked = new ArrayList<>();

        ((Map<String, Object>) spec.get("paths")).forEach((path, item) -> ((Map<String, Object>) item)
                .forEach((method, operation) -> ((Map<String, Object>) ((Map<String, Object>) operation)
                        .get("responses")).forEach((code, response) -> {
                            Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) response)
                                    .get("content");
                            if (content == null || !content.containsKey("application/problem+json")) {
                                return;
                            }
                            int status = Integer.parseInt(code);
                            RawHttp.Response answer;
                            try {
                                answer = provoke(method, path, status);
                                assertThat(answer.status()).as("%s %s", method, path).isEqualTo(status);
                                assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
                                Map<String, Object> problem = json.readValue(answer.body(), Map.class);
                                assertThat(problem).containsKeys(((List<String>) problemSchema.get("required"))
                                        .toArray(String[]::new));
                                assertThat(((Map<String, Object>) problemSchema.get("properties")).keySet())
                                        .containsAll(problem.keySet());
                                assertThat(problem.get("status")).isEqualTo(status);
                                Map<String, Object> headers = (Map<String, Object>) ((Map<String, Object>) response)
                                        .getOrDefault("headers", Map.of());
                                for (String header : headers.keySet()) {
                                    assertThat(answer.header(header)).as("%s on %s %s %s", header, status, method,
                                            path).isNotBlank();
                                }
                            } catch (IOException e) {
                                throw new AssertionError(e);
                            }
                            checked.add(status + " " + method + " " + path);
                        })));

        assertThat(checked).contains("400 post /api/chat", "400 get /api/documents", "401 get /api/documents",
                "404 get /api/citations/{id}",
                "413 post /api/chat/stream", "414 get /api/documents/{id}", "415 post /api/chat",
                "429 post /api/admin/reindex", "503 get /api/documents");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_spec_states_its_limits_the_bearer_scheme_and_the_streams_events() throws Exception {
        Map<String, Object> spec = spec(server);
        Map<String, Object> components = (Map<String, Object>) spec.get("components");
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        Map<String, Object> question = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                schemas.get("ChatRequest")).get("properties")).get("question");
        Map<String, Object> stream = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                ((Map<String, Object>) spec.get("paths")).get("/api/chat/stream")).get("post")).get("responses");

        assertThat(question).containsEntry("maxLength", 2000).containsEntry("minLength", 1).containsKey("type");
        assertThat(question.get("nullable")).isNotEqualTo(true);
        assertThat((Map<String, Object>) components.get("securitySchemes")).containsKey("bearer");
        assertThat(((Map<String, Object>) schemas.get("ChatReply")).get("properties").toString()).contains("blocks");
        assertThat(stream.get("200").toString()).contains("text/event-stream").contains("AnswerEvent.Sources")
                .contains("AnswerEvent.Delta").contains("ChatReply");
        assertThat(schemas).doesNotContainKey("Event_Object_");
        assertThat((Map<String, Object>) spec.get("paths")).containsKeys("/health", "/health/liveness",
                "/health/readiness", "/prometheus", "/api/admin/reindex");
        Map<String, Object> chat = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                spec.get("paths")).get("/api/chat")).get("post");
        assertThat(chat.get("security")).as("keys are required on this server").isEqualTo(List.of(Map.of("bearer",
                List.of())));
    }

    @Test
    @SuppressWarnings("unchecked")
    void given_no_admin_key_and_anonymous_use_then_the_spec_has_no_admin_endpoint_and_the_key_is_optional()
            throws Exception {
        Map<String, Object> spec = spec(notReady);
        Map<String, Object> paths = (Map<String, Object>) spec.get("paths");
        Map<String, Object> chat = (Map<String, Object>) ((Map<String, Object>) paths.get("/api/chat")).get("post");

        assertThat(paths.keySet()).noneMatch(p -> p.startsWith("/api/admin"));
        assertThat((Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas"))
                .doesNotContainKeys("AdminController.Started", "Reindexer.Status");
        assertThat((List<Object>) chat.get("security")).containsExactly(Map.of(), Map.of("bearer", List.of()));
    }
}
