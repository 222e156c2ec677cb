package dev.fonte.ops.logging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Blanks out what looks like a credential before a log line is written: a provider's error body may echo the API key
 * it was sent, and a log shipper would keep it forever. Three kinds are caught: the shapes of well-known keys and
 * tokens (OpenAI and Anthropic keys, Slack tokens, JWTs, cloud keys), a value written after a credential's name
 * ({@code "api_key": "..."}, {@code Authorization: Bearer ...}), and the exact secrets this server was configured with.
 */
public final class Redactor {

    /** What replaces a secret. */
    public static final String MASK = "[redacted]";

    /** Shapes of credentials, whole: the match is replaced. */
    private static final List<Pattern> TOKENS = List.of(
            // OpenAI (sk-..., sk-proj-...), Anthropic (sk-ant-...), and look-alikes of OpenAI-compatible servers
            Pattern.compile("\\bsk-[A-Za-z0-9_\\-]{8,}"),
            // Slack bot, user and app tokens
            Pattern.compile("\\bx(?:ox[abposr]|app)-[A-Za-z0-9\\-]{8,}"),
            // JSON Web Tokens
            Pattern.compile("\\beyJ[A-Za-z0-9_\\-]{5,}\\.[A-Za-z0-9_\\-]{5,}\\.[A-Za-z0-9_\\-]*"),
            // GitHub, AWS access key ids, Google API keys
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
            Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bAIza[0-9A-Za-z_\\-]{30,}"));

    /** A credential's name, then its value (group 2), in JSON, headers, query strings or prose. */
    private static final Pattern NAMED = Pattern.compile(
            "(?i)(\"?\\b(?:x-)?(?:api[_-]?key|access[_-]?token|refresh[_-]?token|auth[_-]?token|bot[_-]?token"
                    + "|client[_-]?secret|signing[_-]?secret|secret|password|token)\"?\\s*[:=]\\s*\"?)"
                    + "([^\\s\"',;&}]{4,})");

    /** An authorization header's scheme, then the credential (group 2). */
    private static final Pattern AUTHORIZATION =
            Pattern.compile("(?i)(\\b(?:Bearer|Basic)\\s+)([A-Za-z0-9._~+/=\\-]{8,})");

    private static final Set<String> SECRETS = new CopyOnWriteArraySet<>();

    private Redactor() {
    }

    /** Also blanks out this exact value wherever it appears (a configured key); under 6 characters it is ignored. */
    public static void addSecret(String secret) {
        if (secret != null && secret.strip().length() >= 6) {
            SECRETS.add(secret.strip());
        }
    }

    /** The text with every credential-looking part replaced by {@link #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : SECRETS) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        out = keepName(AUTHORIZATION.matcher(out));
        out = keepName(NAMED.matcher(out));
        for (Pattern token : TOKENS) {
            out = token.matcher(out).replaceAll(MASK);
        }
        return out;
    }

    private static String keepName(Matcher m) {
        // a value already masked by an earlier rule keeps its mask and no more
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)
                + (r.group(2).startsWith(MASK) ? r.group(2) : MASK)));
    }
}
