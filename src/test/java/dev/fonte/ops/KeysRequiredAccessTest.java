package dev.fonte.ops;

import dev.fonte.http.RawHttp;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys configured, anonymous use not allowed (the default then): no header combination without a valid key reaches
 * an endpoint, whatever Origin, Host or Referer it claims; failed attempts draw on the caller's budget.
 */
@MicronautTest
@Property(name = "fonte.ops.api-keys", value = "bot-key-123456")
@Property(name = "fonte.ops.admin-key", value = "admin-secret-123")
@Property(name = "fonte.ops.trusted-proxies", value = "127.0.0.1,::1")
@Property(name = "fonte.ops.anonymous-burst", value = "5")
@Property(name = "fonte.ops.anonymous-rate-per-second", value = "0.01")
@Property(name = "micronaut.server.cors.configurations.widget.allowed-origins", value = "https://news.example")
class KeysRequiredAccessTest {

    @Inject
    EmbeddedServer server;

    static java.util.stream.Stream<Object[]> keyless() {
        return AccessCases.keyless();
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("keyless")
    void given_keys_are_required_when_a_request_has_no_valid_key_then_401_whatever_its_headers_say(
            String method, String target, String[] headers) throws Exception {
        RawHttp.Response response = AccessCases.send(server.getPort(), method, target, AccessCases.freshAddress(),
                headers);

        assertThat(response.status()).as("%s %s %s: %s", method, target, Arrays.toString(headers), response.body())
                .isEqualTo(401);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"fonte\"");
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void given_a_valid_key_then_every_endpoint_answers() throws Exception {
        String address = AccessCases.freshAddress();
        for (String[] endpoint : AccessCases.ENDPOINTS) {
            RawHttp.Response response = AccessCases.send(server.getPort(), endpoint[0], endpoint[1], address,
                    "Authorization: Bearer bot-key-123456");

            assertThat(response.status()).as("%s %s: %s", endpoint[0], endpoint[1], response.body()).isEqualTo(200);
        }
    }

    @Test
    void given_someone_guessing_keys_then_after_the_address_budget_the_answer_is_429_but_a_real_key_still_works()
            throws Exception {
        String guesser = AccessCases.freshAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(AccessCases.send(server.getPort(), "POST", "/api/chat", guesser,
                    "Authorization: Bearer guess-" + i).status()).isEqualTo(401);
        }

        RawHttp.Response guess = AccessCases.send(server.getPort(), "POST", "/api/chat", guesser,
                "Authorization: Bearer guess-5");
        RawHttp.Response realKey = AccessCases.send(server.getPort(), "POST", "/api/chat", guesser,
                "Authorization: Bearer bot-key-123456");

        assertThat(guess.status()).isEqualTo(429);
        assertThat(Long.parseLong(guess.header("Retry-After"))).isPositive();
        assertThat(guess.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(realKey.status()).as("a key has a budget of its own").isEqualTo(200);
    }

    @Test
    void given_someone_guessing_the_admin_key_then_after_the_address_budget_the_answer_is_429() throws Exception {
        String guesser = AccessCases.freshAddress();
        int[] statuses = new int[7];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = RawHttp.send(server.getPort(), "POST /api/admin/reindex HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer admin-guess-" + i + "\r\nX-Forwarded-For: " + guesser + "\r\n", "")
                    .status();
        }

        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429, 429);
    }

    @Test
    void given_requests_without_a_key_from_one_address_then_they_end_in_429_too() throws Exception {
        String client = AccessCases.freshAddress();
        int[] statuses = new int[6];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = AccessCases.send(server.getPort(), "GET", "/api/documents", client).status();
        }

        assertThat(statuses).containsExactly(401, 401, 401, 401, 401, 429);
    }

    @Test
    void given_a_client_that_prepends_addresses_to_x_forwarded_for_then_it_still_spends_one_budget() throws Exception {
        // the trusted proxy appends the real client; whatever the client wrote before it is not believed
        String client = AccessCases.freshAddress();
        int[] statuses = new int[6];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = AccessCases.send(server.getPort(), "GET", "/api/documents", "203.0.113." + i + ", " + client)
                    .status();
        }

        assertThat(statuses).endsWith(429);
    }
}
