package dev.fonte.retrieval;

import java.time.Duration;

/**
 * Whether the embedded model's native library is loading. The ONNX runtime does not survive the process exiting
 * while it creates a session on another thread (the JVM dies of a segmentation fault instead of exiting with its
 * status), so an exit first waits for a load in progress and keeps a new one from starting.
 */
public final class NativeModelLoading {

    /** Longer than the model ever takes to load, on a loaded machine. */
    private static final Duration LONGEST_LOAD = Duration.ofSeconds(30);

    private static final Object LOCK = new Object();
    private static int loading;
    private static boolean exiting;

    private NativeModelLoading() {
    }

    /** Marks a load as begun; false when the process is exiting and none may begin. */
    static boolean begin() {
        synchronized (LOCK) {
            if (exiting) {
                return false;
            }
            loading++;
            return true;
        }
    }

    /** Marks a load begun with {@link #begin()} as ended, whether it succeeded or not. */
    static void end() {
        synchronized (LOCK) {
            loading--;
            LOCK.notifyAll();
        }
    }

    /** Before the process exits: no load begins from now on, and one in progress is waited for. */
    public static void beforeExit() {
        beforeExit(LONGEST_LOAD);
    }

    /** The same, waiting at most {@code timeout}. */
    static void beforeExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (LOCK) {
            exiting = true;
            long left;
            while (loading > 0 && (left = deadline - System.nanoTime()) > 0) {
                try {
                    LOCK.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Whether a load is in progress (for tests). */
    static boolean loading() {
        synchronized (LOCK) {
            return loading > 0;
        }
    }

    /** Lets loads begin again (for tests, which do not exit). */
    static void reset() {
        synchronized (LOCK) {
            exiting = false;
        }
    }
}
