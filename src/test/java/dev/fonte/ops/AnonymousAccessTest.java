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
 * Keys configured and anonymous use allowed (the widget on a public page): a request without a valid key is served
 * on the anonymous budget of its address, whatever its headers, and never on more; a wrong key is still a 401.
 */
@MicronautTest
@Property(name = "fonte.ops.api-keys", value = "bot-key-123456")
@Property(name = "fonte.ops.anonymous", value = "true")
@Property(name = "fonte.ops.trusted-proxies", value = "127.0.0.1,::1")
@Property(name = "fonte.ops.anonymous-burst", value = "3")
@Property(name = "fonte.ops.anonymous-rate-per-second", value = "0.01")
@Property(name = "micronaut.server.cors.configurations.widget.allowed-origins", value = "https://news.example")
class AnonymousAccessTest {

    @Inject
    EmbeddedServer server;

    static java.util.stream.Stream<Object[]> keyless() {
        return AccessCases.keyless().filter(c -> Arrays.stream((String[]) c[2])
                .noneMatch(h -> h.startsWith("Authorization: Bearer wrong")));
    }

    @ParameterizedTest(name = "{0} {1} with {2}")
    @MethodSource("keyless")
    void given_anonymous_use_is_allowed_then_a_request_without_a_valid_key_is_served_on_the_anonymous_budget(
            String method, String target, String[] headers) throws Exception {
        String address = AccessCases.freshAddress();
        int[] statuses = new int[4];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = AccessCases.send(server.getPort(), method, target, address, headers).status();
        }

        assertThat(statuses).as("%s %s %s", method, target, Arrays.toString(headers))
                .containsExactly(200, 200, 200, 429);
    }

    @Test
    void given_anonymous_use_is_allowed_when_a_wrong_key_is_sent_then_it_is_refused_not_served_anonymously()
            throws Exception {
        RawHttp.Response response = AccessCases.send(server.getPort(), "POST", "/api/chat", AccessCases.freshAddress(),
                "Origin: https://news.example", "Authorization: Bearer wrong-key-0000");

        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void given_one_address_spent_its_budget_then_another_address_and_a_key_are_still_served() throws Exception {
        String spent = AccessCases.freshAddress();
        for (int i = 0; i < 3; i++) {
            AccessCases.send(server.getPort(), "GET", "/api/documents", spent);
        }
        RawHttp.Response refused = AccessCases.send(server.getPort(), "GET", "/api/documents", spent);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(AccessCases.send(server.getPort(), "GET", "/api/documents", AccessCases.freshAddress()).status())
                .isEqualTo(200);
        assertThat(AccessCases.send(server.getPort(), "GET", "/api/documents", spent,
                "Authorization: Bearer bot-key-123456").status()).isEqualTo(200);
    }
}
