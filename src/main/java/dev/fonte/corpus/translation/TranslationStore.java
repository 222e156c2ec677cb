package dev.fonte.corpus.translation;

import dev.fonte.corpus.CacheFolders;
import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Translations kept between starts: one UTF-8 file per translated text, named by the SHA-256 of the source text, its
 * language, the target language and the translator's identity, so an entry is never another text's or another model's.
 * Each file is written whole to a temporary file and moved into place, so a reader never sees half of one. A folder
 * that cannot be read or written only costs the model calls; what was translated since the start is kept in memory.
 */
final class TranslationStore {

    private static final Logger LOG = LoggerFactory.getLogger(TranslationStore.class);
    private static final String SUFFIX = ".txt";

    @Nullable
    private final Path folder;
    private final Map<String, String> memory = new ConcurrentHashMap<>();
    private final AtomicBoolean warned = new AtomicBoolean();

    /** @param folder null: memory only */
    TranslationStore(@Nullable Path folder) {
        this.folder = folder;
    }

    /** The key of a text's translation: a hex SHA-256 of everything that decides it. */
    static String key(String text, String from, String to, String identity) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {identity, from, to, text}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    Optional<String> get(String key) {
        String kept = memory.get(key);
        if (kept != null || folder == null) {
            return Optional.ofNullable(kept);
        }
        Path file = folder.resolve(key + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            memory.put(key, text);
            return Optional.of(text);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring the stored translation {}: {}", file, e.toString());
            return Optional.empty();
        }
    }

    void put(String key, String translation) {
        memory.put(key, translation);
        if (folder == null) {
            return;
        }
        Path tmp = null;
        try {
            CacheFolders.createPrivate(folder);
            tmp = Files.createTempFile(folder, key, ".tmp");
            Files.writeString(tmp, translation, StandardCharsets.UTF_8);
            Files.move(tmp, folder.resolve(key + SUFFIX), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            if (warned.compareAndSet(false, true)) {
                LOG.warn("Cannot keep translations in {} ({}): they are kept in memory until the server stops",
                        folder, e.toString());
            }
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a stray temporary file is never read
                }
            }
        }
    }
}
