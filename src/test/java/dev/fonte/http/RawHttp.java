package dev.fonte.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what HTTP clients will not send: any {@code Host} or {@code Origin}, a request
 * line of any length, a request trickled a byte at a time. Each request asks the server to close the connection, so
 * the response is everything read until the end of the stream.
 */
public final class RawHttp {

    /** A response: status, headers (names lowercased, the first value of each), body. */
    public record Response(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, each ending in CRLF, without the blank line) and a body. */
    public static Response send(int port, String head, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String request = head + (bytes.length > 0 || head.startsWith("POST") ? "Content-Length: " + bytes.length
                + "\r\n" : "") + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /** GET {@code target} with these extra header lines (each {@code Name: value}). */
    public static Response get(int port, String target, String... headers) throws IOException {
        return send(port, "GET " + target + " HTTP/1.1\r\n" + lines(port, headers), null);
    }

    /** POST a JSON body to {@code target} with these extra header lines. */
    public static Response postJson(int port, String target, String json, String... headers) throws IOException {
        return send(port, "POST " + target + " HTTP/1.1\r\nContent-Type: application/json\r\n" + lines(port, headers),
                json);
    }

    /** The header lines, with a {@code Host} of the server's own unless one is given. */
    private static String lines(int port, String... headers) {
        StringBuilder s = new StringBuilder();
        boolean host = false;
        for (String h : headers) {
            host |= h.regionMatches(true, 0, "Host:", 0, 5);
            s.append(h).append("\r\n");
        }
        return (host ? "" : "Host: localhost:" + port + "\r\n") + s;
    }

    /** Everything until the server closes: a response, or null when it closed without one. */
    public static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new IOException("the server neither answered nor closed within the socket timeout", e);
        } catch (IOException e) {
            // a reset after the response was written: what was read still counts
            if (all.size() == 0) {
                return null;
            }
        }
        byte[] bytes = all.toByteArray();
        if (bytes.length == 0) {
            return null;
        }
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        String[] head = new String(bytes, 0, end < 0 ? bytes.length : end, StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (colon > 0) {
                headers.putIfAbsent(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).strip());
            }
        }
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    /** The body of a chunked transfer, chunk sizes being byte counts. */
    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        int at = 0;
        while (at < chunked.length) {
            int eol = indexOf(chunked, crlf, at);
            if (eol < 0) {
                break;
            }
            String size = new String(chunked, at, eol - at, StandardCharsets.US_ASCII).split(";")[0].strip();
            int n = Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            body.write(chunked, eol + 2, Math.min(n, chunked.length - eol - 2));
            at = eol + 2 + n + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
