package dev.fonte.ops;

import io.micronaut.core.convert.ConversionService;
import io.micronaut.http.simple.SimpleHttpHeaders;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A client's address: forwarding headers count only from a trusted proxy, read from the right. */
class ClientAddressesTest {

    static OpsConfiguration proxies(String... trusted) {
        return new OpsConfiguration(List.of(), "", "", "", 20, 40, 10, 40, 200, 400, List.of(trusted),
                java.time.Duration.ofSeconds(1));
    }

    static SimpleHttpHeaders headers(Map<String, String> values) {
        SimpleHttpHeaders headers = new SimpleHttpHeaders(ConversionService.SHARED);
        values.forEach(headers::add);
        return headers;
    }

    static InetSocketAddress peer(String ip) {
        return new InetSocketAddress(ip, 40000);
    }

    @Test
    void given_no_trusted_proxy_then_forwarding_headers_are_ignored() {
        ClientAddresses addresses = new ClientAddresses(proxies());

        String client = addresses.of(peer("203.0.113.9"), headers(Map.of("X-Forwarded-For", "198.51.100.1",
                "Forwarded", "for=198.51.100.2")));

        assertThat(client).isEqualTo("203.0.113.9");
    }

    @Test
    void given_a_request_from_an_untrusted_peer_then_its_forwarding_headers_are_ignored() {
        ClientAddresses addresses = new ClientAddresses(proxies("10.0.0.0/8"));

        assertThat(addresses.of(peer("203.0.113.9"), headers(Map.of("X-Forwarded-For", "198.51.100.1"))))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void given_a_trusted_proxy_then_the_rightmost_untrusted_hop_is_the_client_whatever_the_client_prepended() {
        ClientAddresses addresses = new ClientAddresses(proxies("10.0.0.0/8", "192.168.1.7"));

        // the client wrote "1.2.3.4" itself; the outer proxy 192.168.1.7 appended the real client, 198.51.100.1
        String client = addresses.of(peer("10.1.2.3"),
                headers(Map.of("X-Forwarded-For", "1.2.3.4, 198.51.100.1, 192.168.1.7")));

        assertThat(client).isEqualTo("198.51.100.1");
    }

    @Test
    void given_rfc_7239_forwarded_then_it_is_read_with_quotes_ports_and_ipv6_and_wins_over_x_forwarded_for() {
        ClientAddresses addresses = new ClientAddresses(proxies("127.0.0.1", "::1"));

        assertThat(addresses.of(peer("127.0.0.1"), headers(Map.of(
                "Forwarded", "for=\"[2001:db8:cafe::17]:4711\";proto=https, for=127.0.0.1",
                "X-Forwarded-For", "198.51.100.77"))))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(addresses.of(peer("::1"), headers(Map.of("Forwarded", "for=192.0.2.60:8080;by=127.0.0.1"))))
                .isEqualTo("192.0.2.60");
    }

    @Test
    void given_a_trusted_proxy_without_forwarding_headers_then_the_proxy_is_the_client() {
        ClientAddresses addresses = new ClientAddresses(proxies("127.0.0.1"));

        assertThat(addresses.of(peer("127.0.0.1"), headers(Map.of()))).isEqualTo("127.0.0.1");
    }

    @Test
    void given_a_trusted_proxies_entry_that_is_no_address_then_the_configuration_is_refused() {
        assertThatThrownBy(() -> new ClientAddresses(proxies("proxy.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.example");
    }
}
