package dev.fonte.retrieval;

/**
 * Ends the process with a status: what a fatal error in the index build at start does, so that an orchestrator
 * starts a fresh one. A bean ({@link IndexStartup}), so that tests see the call instead of losing their JVM.
 */
@FunctionalInterface
public interface ProcessExit {

    void exit(int status);
}
