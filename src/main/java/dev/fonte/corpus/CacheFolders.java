package dev.fonte.corpus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where Fonte keeps what it computes from a corpus between starts (the index, machine translations): the user's
 * cache folder, never a shared temporary one, and created readable by its user only, since what is read back from it
 * is served as the corpus.
 */
public final class CacheFolders {

    private static final Logger LOG = LoggerFactory.getLogger(CacheFolders.class);

    private CacheFolders() {
    }

    /** {@code $XDG_CACHE_HOME/fonte}, else {@code ~/.cache/fonte}. */
    public static Path home() {
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"),
                ".cache");
        return base.resolve("fonte");
    }

    /** Creates the folder, and its missing parents, readable by this user only; an existing folder is left as it is. */
    public static void createPrivate(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder);
        try {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException e) {
            LOG.debug("no POSIX permissions on {}", folder);
        }
    }
}
