package dev.fonte.ops;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The address a request comes from, for its budget. The socket's peer, unless the peer is a configured trusted proxy:
 * then the forwarding chain ({@code Forwarded}, else {@code X-Forwarded-For}) is read from the right, skipping trusted
 * proxies, and the first other entry is the client. Headers from anyone else are ignored: a client cannot choose its
 * own address, and behind a proxy clients no longer share the proxy's budget.
 */
@Singleton
public class ClientAddresses {

    private final List<IpSubnetFilterRule> trusted;

    public ClientAddresses(OpsConfiguration config) {
        this.trusted = config.proxies().stream().map(ClientAddresses::rule).toList();
    }

    /** {@code 10.0.0.0/8}, {@code 192.168.1.7} or {@code ::1}: a range, or one address. */
    private static IpSubnetFilterRule rule(String proxy) {
        int slash = proxy.indexOf('/');
        String address = slash < 0 ? proxy : proxy.substring(0, slash);
        InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
        if (parsed == null) {
            throw new IllegalArgumentException(OpsConfiguration.PREFIX + ".trusted-proxies: '" + proxy
                    + "' is not an IP address or CIDR range");
        }
        int bits = parsed.getAddress().length * 8;
        int prefix = slash < 0 ? bits : Integer.parseInt(proxy.substring(slash + 1));
        return new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT);
    }

    public String of(HttpRequest<?> request) {
        return of(request.getRemoteAddress(), request.getHeaders());
    }

    /** The client of a request that came from {@code peer} with these headers. */
    String of(InetSocketAddress peer, HttpHeaders headers) {
        String address = peer.getAddress() == null ? peer.getHostString() : peer.getAddress().getHostAddress();
        if (trusted.isEmpty() || !isTrusted(peer.getAddress())) {
            return address;
        }
        List<String> chain = chain(headers);
        for (int i = chain.size() - 1; i >= 0; i--) {
            InetAddress hop = NetUtil.createInetAddressFromIpAddressString(chain.get(i));
            if (hop == null) {
                // an obfuscated or unknown identifier (RFC 7239): the client is whoever the proxy says, by that name
                return chain.get(i);
            }
            if (!isTrusted(hop) || i == 0) {
                return hop.getHostAddress();
            }
        }
        return address;
    }

    private boolean isTrusted(InetAddress address) {
        if (address == null) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(address, 0);
        return trusted.stream().anyMatch(rule -> rule.matches(socket));
    }

    /** The forwarding chain, client first: RFC 7239 {@code for=} values, or the X-Forwarded-For list. */
    private static List<String> chain(HttpHeaders headers) {
        List<String> chain = new ArrayList<>();
        List<String> forwarded = headers.getAll(HttpHeaders.FORWARDED);
        if (!forwarded.isEmpty()) {
            for (String header : forwarded) {
                for (String element : header.split(",")) {
                    for (String pair : element.split(";")) {
                        String[] kv = pair.strip().split("=", 2);
                        if (kv.length == 2 && kv[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                            chain.add(node(kv[1].strip()));
                        }
                    }
                }
            }
            return chain;
        }
        for (String header : headers.getAll("X-Forwarded-For")) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    chain.add(node(hop.strip()));
                }
            }
        }
        return chain;
    }

    /** {@code "[2001:db8::1]:4711"} or {@code 192.0.2.1:80} becomes the bare address. */
    private static String node(String value) {
        String v = value.startsWith("\"") && value.endsWith("\"") && value.length() > 1
                ? value.substring(1, value.length() - 1) : value;
        if (v.startsWith("[")) {
            int close = v.indexOf(']');
            return close > 0 ? v.substring(1, close) : v;
        }
        int colon = v.indexOf(':');
        // one colon: an IPv4 address with a port; more: an IPv6 address without brackets
        return colon > 0 && v.indexOf(':', colon + 1) < 0 ? v.substring(0, colon) : v;
    }
}
