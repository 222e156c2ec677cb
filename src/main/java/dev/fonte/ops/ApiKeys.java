package dev.fonte.ops;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The API keys bots may use: those of {@code FONTE_API_KEYS}, plus one per line of the file {@code FONTE_API_KEYS_FILE}
 * ({@code #} comments allowed), which is re-read when it changes, so keys rotate without a restart.
 */
@Singleton
public class ApiKeys {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeys.class);

    private final List<String> configured;
    private final Path file;
    private volatile FileTime readAt;
    private volatile Set<String> fromFile = Set.of();

    public ApiKeys(OpsConfiguration config, @Value("${fonte.ops.api-keys-file:}") String file) {
        this.configured = config.keys();
        this.file = file == null || file.isBlank() ? null : Path.of(file);
    }

    /** The keys in force now (the file is checked for a change at each call: one stat). */
    public Set<String> current() {
        if (file == null) {
            return Set.copyOf(configured);
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (!modified.equals(readAt)) {
                Set<String> keys = new LinkedHashSet<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String key = line.strip();
                    if (!key.isEmpty() && !key.startsWith("#")) {
                        keys.add(key);
                    }
                }
                fromFile = Set.copyOf(keys);
                readAt = modified;
                LOG.info("API keys read from {}: {} key(s)", file, keys.size());
            }
        } catch (IOException e) {
            LOG.warn("API key file {} cannot be read, keeping the keys read before: {}", file, e.getMessage());
        }
        Set<String> all = new LinkedHashSet<>(configured);
        all.addAll(fromFile);
        return all;
    }
}
