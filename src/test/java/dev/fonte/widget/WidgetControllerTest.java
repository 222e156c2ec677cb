package dev.fonte.widget;

import dev.fonte.http.Problems;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest
@Property(name = "micronaut.server.cors.configurations.widget.allowed-origins", value = "https://news.example")
class WidgetControllerTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Test
    void serves_the_widget_script_as_cacheable_javascript() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/widget.js"), String.class);

        assertThat(response.code()).isEqualTo(HttpStatus.OK.getCode());
        assertThat(response.getContentType().map(Object::toString).orElse("")).startsWith("application/javascript");
        assertThat((String) response.header(HttpHeaders.CACHE_CONTROL)).isEqualTo("public, max-age=3600");
        assertThat(response.header(HttpHeaders.ETAG)).matches("\"[0-9a-f]{20}\"");
        assertThat(response.body()).contains("attachShadow").contains("/api/chat/stream");
    }

    @Test
    void answers_not_modified_when_the_browser_already_has_this_version() {
        String etag = client.toBlocking().exchange(HttpRequest.GET("/widget.js"), String.class)
                .header(HttpHeaders.ETAG);

        HttpResponse<String> again = client.toBlocking()
                .exchange(HttpRequest.GET("/widget.js").header(HttpHeaders.IF_NONE_MATCH, etag), String.class);

        assertThat(again.code()).isEqualTo(HttpStatus.NOT_MODIFIED.getCode());
        assertThat((Object) again.body()).isNull();
    }

    @Test
    void demo_page_embeds_the_widget_with_one_script_tag() {
        HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET("/"), String.class);

        assertThat(response.getContentType().map(Object::toString).orElse("")).startsWith("text/html");
        assertThat(response.body()).containsOnlyOnce("<script src=\"widget.js\"").contains("api/documents");
    }

    @Test
    void widget_paths_are_the_ones_the_widget_calls() {
        assertThat(WidgetCorsFilter.isWidgetPath("/api/chat")).isTrue();
        assertThat(WidgetCorsFilter.isWidgetPath("/api/chat/stream")).isTrue();
        assertThat(WidgetCorsFilter.isWidgetPath("/api/citations/meta-ai-2025-it:1-20")).isTrue();
        assertThat(WidgetCorsFilter.isWidgetPath("/api/documents")).isTrue();
        assertThat(WidgetCorsFilter.isWidgetPath("/api/documents/meta-ai-2025-it")).isTrue();
        assertThat(WidgetCorsFilter.isWidgetPath("/api/citations/")).isFalse();
        assertThat(WidgetCorsFilter.isWidgetPath("/api/chatty")).isFalse();
        assertThat(WidgetCorsFilter.isWidgetPath("/health")).isFalse();
        assertThat(WidgetCorsFilter.isWidgetPath("/slack/events")).isFalse();
    }

    private static MutableHttpRequest<?> preflight(String path, String origin) {
        return HttpRequest.OPTIONS(path)
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type");
    }

    @Test
    void an_allowed_origin_may_call_the_chat_stream_and_read_retry_after() throws InterruptedException {
        // the documents are listed once the index is up: until then they answer 503, as they should
        Problems.awaitHealthy(client.toBlocking(), Duration.ofSeconds(60));
        HttpResponse<?> response = client.toBlocking().exchange(preflight("/api/chat/stream", "https://news.example"));

        assertThat((String) response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("https://news.example");
        assertThat((String) response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).contains("POST");

        HttpResponse<String> get = client.toBlocking().exchange(HttpRequest.GET("/api/documents")
                .header(HttpHeaders.ORIGIN, "https://news.example"), String.class);
        assertThat((String) get.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isEqualTo("https://news.example");
        assertThat(get.getHeaders().getAll(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).contains("Retry-After");
    }

    @Test
    void an_origin_not_in_the_list_gets_no_cors_headers() throws InterruptedException {
        Problems.awaitHealthy(client.toBlocking(), Duration.ofSeconds(60));
        HttpResponse<?> response;
        try {
            response = client.toBlocking().exchange(HttpRequest.GET("/api/documents")
                    .header(HttpHeaders.ORIGIN, "https://evil.example"), String.class);
        } catch (HttpClientResponseException e) {
            // on a localhost host Micronaut also forbids foreign origins outright (drive-by-localhost protection)
            response = e.getResponse();
            assertThat(response.code()).isEqualTo(HttpStatus.FORBIDDEN.getCode());
        }

        assertThat((String) response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
    }

    @Test
    void paths_outside_the_widget_api_get_no_cors_headers_even_for_an_allowed_origin() {
        HttpResponse<String> get = client.toBlocking().exchange(HttpRequest.GET("/widget.js")
                .header(HttpHeaders.ORIGIN, "https://news.example"), String.class);

        assertThat((String) get.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).isNull();
    }
}
