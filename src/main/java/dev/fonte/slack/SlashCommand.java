package dev.fonte.slack;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of a slash command that Fonte uses, parsed from the verified raw form body.
 *
 * @param command     e.g. {@code /fonte}
 * @param text        what follows the command, trimmed
 * @param responseUrl where the delayed answer is posted
 */
record SlashCommand(String command, String text, String channelId, String userId, String responseUrl) {

    static SlashCommand parse(String formBody) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : formBody.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            fields.putIfAbsent(name, value);
        }
        return new SlashCommand(fields.getOrDefault("command", "/fonte"), fields.getOrDefault("text", "").strip(),
                fields.get("channel_id"), fields.get("user_id"), fields.get("response_url"));
    }

    boolean asksForHelp() {
        return text.isEmpty() || text.equalsIgnoreCase("help") || text.equalsIgnoreCase("aiuto");
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
