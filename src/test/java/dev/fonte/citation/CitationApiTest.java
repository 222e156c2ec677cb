package dev.fonte.citation;

import dev.fonte.answer.Answer;
import dev.fonte.answer.Citation;
import dev.fonte.http.Problems;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /api/citations/{id}, /api/documents and /api/documents/{id}, and /health, against the real corpus. */
@MicronautTest
class CitationApiTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    JsonMapper json;

    private BlockingHttpClient client;

    @BeforeEach
    void ready() throws InterruptedException {
        client = http.toBlocking();
        Problems.awaitHealthy(client, Duration.ofSeconds(60));
    }

    @Test
    void given_a_citation_of_an_answer_when_resolved_then_it_returns_the_span_inside_its_context_paragraph() {
        Citation cited = client.retrieve(HttpRequest.POST("/api/chat",
                Map.of("question", "Quanto grande sarà il data center di Meta?")), Answer.class).citations().get(0);

        Map<String, Object> view = get("/api/citations/" + cited.id());

        assertThat(view).containsEntry("id", cited.id())
                .containsEntry("documentId", cited.documentId())
                .containsEntry("title", cited.title())
                .containsEntry("text", cited.text())
                .containsEntry("start", cited.start())
                .containsEntry("end", cited.end());
        String context = (String) view.get("context");
        int contextStart = (Integer) view.get("contextStart");
        assertThat(context).contains(cited.text()).doesNotContain("\n\n");
        assertThat(contextStart).isLessThanOrEqualTo(cited.start());
        assertThat(context.substring(cited.start() - contextStart, cited.end() - contextStart)).isEqualTo(cited.text());
        String documentText = (String) get("/api/documents/" + cited.documentId()).get("text");
        assertThat(documentText.substring(contextStart, contextStart + context.length())).isEqualTo(context);
    }

    @Test
    void given_any_span_inside_a_paragraph_when_resolved_then_its_text_is_that_substring() {
        String text = (String) get("/api/documents/meta-ai-2025-it").get("text");
        int start = text.indexOf("65 miliardi");
        int end = start + "65 miliardi di dollari".length();

        Map<String, Object> view = get("/api/citations/meta-ai-2025-it:" + start + "-" + end);

        assertThat(view.get("text")).isEqualTo("65 miliardi di dollari");
        assertThat((String) view.get("context")).startsWith("In un recente post su Facebook");
    }

    @Test
    void given_a_span_of_the_english_rendering_when_resolved_then_it_names_the_aligned_italian_original() {
        String text = (String) get("/api/documents/meta-ai-2025-en").get("text");
        int start = text.indexOf("By the end of the year");

        Map<String, Object> view = get("/api/citations/meta-ai-2025-en:" + start + "-" + (start + 22));

        @SuppressWarnings("unchecked")
        Map<String, Object> original = (Map<String, Object>) view.get("original");
        assertThat(original).isNotNull().containsEntry("documentId", "meta-ai-2025-it");
        assertThat((String) original.get("text")).startsWith("Entro la fine dell’anno");
    }

    @Test
    void the_documents_list_has_both_renderings_with_metadata_and_no_text() {
        List<Map<String, Object>> docs = client.retrieve(HttpRequest.GET("/api/documents"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));

        assertThat(docs).hasSize(2);
        assertThat(docs).extracting(d -> d.get("id")).containsExactlyInAnyOrder("meta-ai-2025-it", "meta-ai-2025-en");
        Map<String, Object> it = docs.stream().filter(d -> d.get("id").equals("meta-ai-2025-it"))
                .findFirst().orElseThrow();
        assertThat(it).containsEntry("language", "it").containsKeys("title", "source", "length")
                .doesNotContainKey("text");
        assertThat((String) it.get("title")).startsWith("Zuckerberg svela");
        Map<String, Object> en = docs.stream().filter(d -> d.get("id").equals("meta-ai-2025-en"))
                .findFirst().orElseThrow();
        assertThat(en).containsEntry("language", "en").containsEntry("translationOf", "meta-ai-2025-it");
    }

    @Test
    void a_document_has_its_cleaned_text_whose_length_matches_the_listing() {
        Map<String, Object> doc = get("/api/documents/meta-ai-2025-it");

        String text = (String) doc.get("text");
        assertThat(text).startsWith("Questo articolo non costituisce").doesNotContain("Lascia un commento");
        assertThat(doc.get("length")).isEqualTo(text.length());
        assertThat(doc).containsEntry("id", "meta-ai-2025-it").containsEntry("language", "it");
    }

    @Test
    @SuppressWarnings("unchecked")
    void health_is_up_once_the_index_is_ready_and_says_what_it_serves() {
        Map<String, Object> health = get("/health");

        assertThat(health).containsEntry("status", "UP");
        Map<String, Object> index = (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("index");
        assertThat((Map<String, Object>) index.get("details")).containsEntry("phase", "ready")
                .containsEntry("documents", 2).doesNotContainKey("reason");
    }

    @Test
    void given_a_page_size_the_documents_come_a_page_at_a_time_with_the_total_and_a_link_to_the_next_page() {
        HttpResponse<List<Map<String, Object>>> first = client.exchange(HttpRequest.GET("/api/documents?limit=1"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        HttpResponse<List<Map<String, Object>>> second = client.exchange(
                HttpRequest.GET("/api/documents?offset=1&limit=1"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));

        assertThat(first.body()).hasSize(1);
        assertThat(first.header("X-Total-Count")).isEqualTo("2");
        assertThat(first.header(HttpHeaders.LINK)).isEqualTo("</api/documents?offset=1&limit=1>; rel=\"next\"");
        assertThat(second.body()).hasSize(1);
        assertThat(second.body().get(0).get("id")).isNotEqualTo(first.body().get(0).get("id"));
        assertThat(second.header(HttpHeaders.LINK)).as("the last page").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "offset=-1", "limit=many"})
    void given_a_page_out_of_bounds_the_documents_request_is_a_400_problem(String query) {
        Problems.Problem p = Problems.of(client, json, HttpRequest.GET("/api/documents?" + query));

        assertThat(p.status().getCode()).isEqualTo(400);
    }

    private Map<String, Object> get(String path) {
        return client.retrieve(HttpRequest.GET(path), Argument.mapOf(String.class, Object.class));
    }
}
