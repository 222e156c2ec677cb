package dev.fonte.ops;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** All anonymous traffic together has a ceiling, however many addresses it comes from; keys are not under it. */
@MicronautTest
@Property(name = "fonte.ops.api-keys", value = "bot-key-123456")
@Property(name = "fonte.ops.anonymous", value = "true")
@Property(name = "fonte.ops.trusted-proxies", value = "127.0.0.1,::1")
@Property(name = "fonte.ops.anonymous-ceiling-burst", value = "4")
@Property(name = "fonte.ops.anonymous-ceiling-per-second", value = "0.01")
class AnonymousCeilingTest {

    @Inject
    EmbeddedServer server;

    @Test
    void given_many_addresses_when_together_they_pass_the_anonymous_ceiling_then_429_and_keys_are_still_served()
            throws Exception {
        int[] statuses = new int[6];
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = AccessCases.send(server.getPort(), "GET", "/api/documents", AccessCases.freshAddress())
                    .status();
        }
        int withKey = AccessCases.send(server.getPort(), "GET", "/api/documents", AccessCases.freshAddress(),
                "Authorization: Bearer bot-key-123456").status();

        assertThat(statuses).containsExactly(200, 200, 200, 200, 429, 429);
        assertThat(withKey).isEqualTo(200);
    }
}
