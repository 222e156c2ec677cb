package dev.fonte.retrieval;

import java.util.Locale;
import java.util.Map;

/**
 * Starts the slowest independent start-up work on a background thread as soon as the process starts, while the
 * application context is still being built: loading the embedding model, which reads the ONNX model and the
 * tokenizer out of the jar (a second or more). Nothing is handed around: {@link EmbeddingModelFactory} still creates
 * the model when the index asks for it, and the JVM makes it wait for the loading under way, or finds it done.
 *
 * <p>Configuration is not read yet at that point, so the explicit ways of switching dense retrieval off are looked
 * at directly ({@code --fonte.retrieval.mode=BM25}, {@code -Dfonte.retrieval.mode=BM25},
 * {@code FONTE_RETRIEVAL_MODE=BM25}): then nothing is preloaded. {@code FONTE_PRELOAD=false} turns it off.
 */
public final class Preload {

    static final String MODE = RetrievalConfiguration.PREFIX + ".mode";

    private Preload() {
    }

    /** Starts the preload unless dense retrieval is explicitly off; returns the thread, or null when none started. */
    public static Thread start(String[] args) {
        if (!wanted(args, System.getenv())) {
            return null;
        }
        Thread thread = new Thread(Preload::run, "fonte-preload");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    static boolean wanted(String[] args, Map<String, String> env) {
        if ("false".equalsIgnoreCase(env.getOrDefault("FONTE_PRELOAD", "true").trim())) {
            return false;
        }
        String mode = env.get("FONTE_RETRIEVAL_MODE");
        mode = System.getProperty(MODE, mode);
        for (String arg : args) {
            if (arg.startsWith("--" + MODE + "=")) {
                mode = arg.substring(MODE.length() + 3);
            }
        }
        return mode == null || !mode.trim().toUpperCase(Locale.ROOT).equals(RetrievalConfiguration.Mode.BM25.name());
    }

    private static void run() {
        try {
            BundledEmbeddingModel.encoder();
        } catch (Throwable e) {
            // the index build meets the same problem when it creates the model, and reports it there
        }
    }
}
