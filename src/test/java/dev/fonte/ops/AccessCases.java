package dev.fonte.ops;

import dev.fonte.http.RawHttp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The requests of the access tests: every endpoint behind the API's one rule, and the header combinations a client
 * may try to pass for a browser or a known origin. Each request comes through the loopback "proxy" (trusted in these
 * tests) for a client address of its own, so no case spends another's budget.
 */
final class AccessCases {

    /** The endpoints behind the rule: method and target. */
    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"POST", "/api/chat"},
            new String[] {"GET", "/api/documents"},
            new String[] {"GET", "/api/documents/meta-ai-2025-it"},
            new String[] {"GET", "/api/citations/meta-ai-2025-it:0-10"});

    /** Header combinations, none with a valid key; {@code PORT} stands for the server's port. */
    static final List<String[]> KEYLESS = List.of(
            new String[] {},
            new String[] {"Origin: https://news.example"},
            new String[] {"Origin: http://evil.example", "Host: evil.example"},
            new String[] {"Origin: https://news.example", "Authorization: Bearer wrong-key-0000"},
            new String[] {"Origin: http://localhost:PORT"},
            new String[] {"Origin: https://news.example", "Referer: https://news.example/article"},
            new String[] {"Authorization: Bearer "},
            new String[] {"Authorization: Basic Ym90OmtleQ=="});

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private AccessCases() {
    }

    /** Every endpoint with every keyless header combination: {endpoint method, target, headers}. */
    static Stream<Object[]> keyless() {
        List<Object[]> cases = new ArrayList<>();
        for (String[] endpoint : ENDPOINTS) {
            for (String[] headers : KEYLESS) {
                cases.add(new Object[] {endpoint[0], endpoint[1], headers});
            }
        }
        return cases.stream();
    }

    /** A client address no other request of the test JVM uses. */
    static String freshAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    /** Sends the request as client {@code address} (behind the trusted loopback proxy), with these headers. */
    static RawHttp.Response send(int port, String method, String target, String address, String... headers)
            throws IOException {
        List<String> all = new ArrayList<>();
        for (String h : headers) {
            all.add(h.replace("PORT", Integer.toString(port)));
        }
        all.add("X-Forwarded-For: " + address);
        String[] lines = all.toArray(String[]::new);
        return method.equals("POST")
                ? RawHttp.postJson(port, target, "{\"question\":\"Quante GPU userà Meta?\"}", lines)
                : RawHttp.get(port, target, lines);
    }
}
