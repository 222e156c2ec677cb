package dev.fonte.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/**
 * An embedding model a test controls, in place of the bundled one when {@code test.controlled-embedding} is set:
 * batches of several texts can be held until the test lets them through, or fail with an error the test chooses. Its
 * vectors are a hash of the text (eight values): stable, but meaningless. Also a process exit that only records the
 * status.
 */
final class ControlledEmbeddingModel implements EmbeddingModel {

    static final String PROPERTY = "test.controlled-embedding";

    /** Batches wait for a permit while {@link #hold} is set. */
    static final Semaphore GATE = new Semaphore(0);
    static volatile boolean hold;
    static volatile Error failure;
    static final List<Integer> EXITS = new CopyOnWriteArrayList<>();

    static void reset() {
        hold = false;
        failure = null;
        GATE.drainPermits();
        EXITS.clear();
    }

    /** Lets every waiting and later batch through. */
    static void release() {
        hold = false;
        GATE.release(1_000_000);
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        if (failure != null) {
            throw failure;
        }
        // a question is one text: only the index's batches wait
        if (hold && segments.size() > 1) {
            GATE.acquireUninterruptibly();
        }
        List<Embedding> out = new ArrayList<>();
        for (TextSegment s : segments) {
            out.add(Embedding.from(vector(s.text())));
        }
        return Response.from(out);
    }

    @Override
    public int dimension() {
        return 8;
    }

    private static float[] vector(String text) {
        byte[] bytes = ContentHash.of(text).getBytes(StandardCharsets.US_ASCII);
        float[] v = new float[8];
        for (int i = 0; i < bytes.length; i++) {
            v[i % 8] += bytes[i] - 80;
        }
        v[0] += 1000;
        return v;
    }

    @Factory
    @Requires(property = PROPERTY, value = "true")
    static class Beans {

        @Singleton
        @Replaces(EmbeddingModel.class)
        EmbeddingModel controlled() {
            return new ControlledEmbeddingModel();
        }

        @Singleton
        @Replaces(ProcessExit.class)
        ProcessExit recording() {
            return EXITS::add;
        }
    }
}
