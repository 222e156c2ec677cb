package dev.fonte.retrieval;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The embedding model's vectors of corpus texts (sentences, words), kept on disk between starts so that a restart
 * over the same corpus does not compute them again. Never stale: an entry is found by the SHA-256 of its text, and the
 * file belongs to one model identity (the model and tokenizer files, the ONNX runtime and tokenizer library versions,
 * the CPU): anything else finds no file and starts empty. Questions are never written. A missing, unreadable or
 * unwritable folder only costs the time of computing the vectors.
 */
public final class VectorStore {

    private static final Logger LOG = LoggerFactory.getLogger(VectorStore.class);
    private static final int MAGIC = 0x46564543; // "FVEC"

    private final Path file;
    private final String identity;
    private final Map<Key, float[]> stored;
    private final Map<Key, float[]> used = new HashMap<>();
    private boolean changed;

    private VectorStore(Path file, String identity, Map<Key, float[]> stored) {
        this.file = file;
        this.identity = identity;
        this.stored = stored;
    }

    /** A store that keeps nothing. */
    public static VectorStore none() {
        return new VectorStore(null, "", Map.of());
    }

    /**
     * Opens the store of {@code identity} in {@code folder} (reads it whole: a few hundred kilobytes).
     * @param folder null or blank: none
     */
    public static VectorStore open(String folder, Optional<String> identity) {
        if (folder == null || folder.isBlank() || identity.isEmpty()) {
            return none();
        }
        String id = identity.get();
        Path file = Path.of(folder).resolve("vectors-" + sha256(id).toString().substring(0, 16) + ".bin");
        Map<Key, float[]> stored = new HashMap<>();
        if (Files.isRegularFile(file)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                if (in.readInt() == MAGIC && in.readUTF().equals(id)) {
                    int count = in.readInt();
                    int dimension = in.readInt();
                    for (int i = 0; i < count; i++) {
                        byte[] hash = new byte[32];
                        in.readFully(hash);
                        float[] v = new float[dimension];
                        for (int j = 0; j < dimension; j++) {
                            v[j] = in.readFloat();
                        }
                        stored.put(new Key(hash), v);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Ignoring the stored vectors in {}: {}", file, e.toString());
                stored.clear();
            }
        }
        return new VectorStore(file, id, stored);
    }

    /**
     * The identity of the quantized all-MiniLM-L6-v2 model as it runs here: the checksums of the model, of its
     * tokenizer and of the ONNX runtime's and the tokenizer library's classes as packaged, the architecture and the
     * CPU model. Empty when they cannot be read (then nothing is stored).
     */
    public static Optional<String> miniLmIdentity(ClassLoader loader) {
        StringBuilder id = new StringBuilder("all-minilm-l6-v2-q");
        for (String resource : new String[] {"all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
                "ai/onnxruntime/OrtSession.class", "ai/djl/huggingface/tokenizers/HuggingFaceTokenizer.class"}) {
            Optional<String> crc = crc(loader.getResource(resource));
            if (crc.isEmpty()) {
                return Optional.empty();
            }
            id.append(';').append(crc.get());
        }
        id.append(';').append(System.getProperty("os.arch")).append(';').append(cpuModel());
        return Optional.of(id.toString());
    }

    private static Optional<String> crc(URL url) {
        if (url == null || !url.getProtocol().equals("jar")) {
            return Optional.empty();
        }
        try {
            JarURLConnection connection = (JarURLConnection) url.openConnection();
            connection.setUseCaches(true);
            var entry = connection.getJarEntry();
            return entry == null || entry.getCrc() < 0 ? Optional.empty()
                    : Optional.of(Long.toHexString(entry.getCrc()) + "/" + entry.getSize());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    public boolean enabled() {
        return file != null;
    }

    /** The stored vector of a text, as the model returned it (a copy), or null. */
    public synchronized float[] get(String text) {
        if (file == null) {
            return null;
        }
        Key key = sha256(text);
        float[] v = stored.get(key);
        if (v == null) {
            return null;
        }
        used.put(key, v);
        return v.clone();
    }

    /** Keeps the model's vector of a corpus text, to be written by {@link #save()}. */
    public synchronized void put(String text, float[] vector) {
        if (file != null) {
            used.put(sha256(text), vector.clone());
            changed = true;
        }
    }

    /**
     * Writes the vectors of the texts used since opening, when some were computed (the file then holds the current
     * corpus only); replaces the file atomically, so a concurrent start reads the old or the new one whole.
     */
    public synchronized void save() {
        if (file == null || !changed) {
            return;
        }
        Path tmp = null;
        try {
            Files.createDirectories(file.getParent());
            tmp = Files.createTempFile(file.getParent(), "vectors", ".tmp");
            int dimension = used.values().iterator().next().length;
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                out.writeInt(MAGIC);
                out.writeUTF(identity);
                out.writeInt((int) used.values().stream().filter(v -> v.length == dimension).count());
                out.writeInt(dimension);
                for (var e : used.entrySet()) {
                    if (e.getValue().length == dimension) {
                        out.write(e.getKey().hash());
                        for (float f : e.getValue()) {
                            out.writeFloat(f);
                        }
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            changed = false;
            LOG.debug("Stored {} vectors in {}", used.size(), file);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Cannot store the corpus vectors in {}: {}", file.getParent(), e.toString());
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private static Key sha256(String text) {
        try {
            return new Key(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Key(byte[] hash) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Arrays.equals(hash, k.hash);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return HexFormat.of().formatHex(hash);
        }
    }
}
