package dev.fonte.ops;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The API keys bots may use: those of {@code FONTE_API_KEYS}, plus one per line of the file {@code FONTE_API_KEYS_FILE}
 * ({@code #} comments allowed), which is re-read when it changes, so keys rotate without a restart. A file that is
 * empty, unreadable or only comments (a rotation caught half-written) never opens the API: the keys read before stay
 * in force, and the problem is logged once until the file is good again. Keys are held as SHA-256 digests and compared
 * in constant time; a key's {@link #idOf id} (a digest prefix) names its budget, so no key is ever stored or logged.
 */
@Singleton
public class ApiKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    /** The file as last seen: its modification time and size, so a truncate-then-write is seen twice. */
    private record Seen(long modifiedMillis, long size) {
    }

    private final Map<String, byte[]> configured;
    private final Path file;
    private volatile Map<String, byte[]> fromFile = Map.of();
    private volatile Seen seen;
    private volatile boolean problemLogged;

    public ApiKeys(OpsConfiguration config) {
        this.configured = digests(config.keys());
        this.file = config.apiKeysFile() == null || config.apiKeysFile().isBlank() ? null
                : Path.of(config.apiKeysFile().strip());
        if (file != null) {
            refresh();
        }
    }

    /** The id of the valid key {@code presented} (a prefix of its digest, to name its budget), if it is one. */
    public Optional<String> idOf(String presented) {
        byte[] digest = digest(presented);
        if (file != null) {
            refresh();
        }
        boolean match = false;
        // every key is compared, equal lengths, constant time: neither the time nor the order says which key is close
        for (Map<String, byte[]> keys : List.of(configured, fromFile)) {
            for (byte[] key : keys.values()) {
                match |= MessageDigest.isEqual(key, digest);
            }
        }
        return match ? Optional.of(HexFormat.of().formatHex(digest, 0, 8)) : Optional.empty();
    }

    /** The number of keys in force (configured and read from the file). */
    public int size() {
        if (file != null) {
            refresh();
        }
        Map<String, byte[]> all = new LinkedHashMap<>(configured);
        all.putAll(fromFile);
        return all.size();
    }

    /** Re-reads the key file when its time or size changed: one stat per call. */
    private void refresh() {
        Seen now;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            now = new Seen(attributes.lastModifiedTime().toMillis(), attributes.size());
        } catch (IOException e) {
            problem("cannot be read (" + e.getClass().getSimpleName() + ")");
            return;
        }
        if (now.equals(seen)) {
            return;
        }
        seen = now;
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            seen = null; // try again on the next call
            problem("cannot be read (" + e.getClass().getSimpleName() + ")");
            return;
        }
        List<String> keys = lines.stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        if (keys.isEmpty()) {
            problem("holds no key (empty or only comments)");
            return;
        }
        fromFile = digests(keys);
        problemLogged = false;
        LOG.info("API keys read from {}: {} key(s)", file, fromFile.size());
    }

    private void problem(String what) {
        if (!problemLogged) {
            problemLogged = true;
            LOG.warn("API key file {} {}: keeping the {} key(s) read before; without any, requests need a key that "
                    + "does not exist yet", file, what, fromFile.size());
        }
    }

    private static Map<String, byte[]> digests(List<String> keys) {
        Map<String, byte[]> digests = new LinkedHashMap<>();
        keys.stream().filter(Objects::nonNull).map(ApiKeys::digest)
                .forEach(d -> digests.put(HexFormat.of().formatHex(d), d));
        return Map.copyOf(digests);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.strip().getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
