package dev.fonte.slack;

import com.slack.api.app_backend.SlackSignature;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** What Slack sends, as Slack sends it: signed HTTP requests, Events API payloads and slash command forms. */
public final class SlackWire {

    public static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private final URI server;
    private final SlackSignature.Generator signer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SlackWire(URI server, String secret) {
        this.server = server;
        this.signer = new SlackSignature.Generator(secret);
    }

    /** An {@code app_mention} event_callback of workspace {@code team}, in channel C1. */
    public static String mention(String team, String eventId, String text, String ts, String threadTs, String botId) {
        return """
                {"token":"x","team_id":"%s","api_app_id":"A0FONTE","type":"event_callback","event_id":"%s",\
                "event_time":1700000000,"event":{"type":"app_mention","user":"U1","text":"%s","ts":"%s",\
                "channel":"C1","event_ts":"%s"%s%s}}""".formatted(team, eventId, text, ts, ts,
                threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"",
                botId == null ? "" : ",\"bot_id\":\"" + botId + "\"");
    }

    /** A slash command's fields, as Slack posts them (form) or puts them in a Socket Mode envelope (JSON). */
    static Map<String, String> command(String team, String text, String responseUrl) {
        Map<String, String> fields = new HashMap<>(Map.of("token", "x", "team_id", team, "team_domain", "fonte",
                "channel_id", "C1", "channel_name", "general", "user_id", "U1", "user_name", "ada",
                "command", "/fonte", "text", text, "api_app_id", "A0FONTE"));
        fields.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        if (responseUrl != null) {
            fields.put("response_url", responseUrl);
        }
        return fields;
    }

    static String form(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((name, value) -> out.append(out.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return out.toString();
    }

    static String json(Map<String, String> fields) {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((name, value) -> out.append(out.length() == 1 ? "" : ",").append('"').append(name)
                .append("\":\"").append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"'));
        return out.append('}').toString();
    }

    public static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    public HttpResponse<String> event(String body) throws IOException, InterruptedException {
        return signed("/slack/events", "application/json", body, now(), Map.of());
    }

    HttpResponse<String> command(Map<String, String> fields) throws IOException, InterruptedException {
        return signed("/slack/commands", "application/x-www-form-urlencoded", form(fields), now(), Map.of());
    }

    public HttpResponse<String> signed(String path, String contentType, String body, String timestamp,
                                Map<String, String> extraHeaders) throws IOException, InterruptedException {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("X-Slack-Request-Timestamp", timestamp);
        headers.put("X-Slack-Signature", signer.generate(timestamp, body));
        return send(path, contentType, body, headers);
    }

    HttpResponse<String> send(String path, String contentType, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET();
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
