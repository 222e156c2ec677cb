package dev.fonte.retrieval;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * The quantized all-MiniLM-L6-v2 model shipped in LangChain4j's jar (the same files and encoder as
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel}, so the same vectors), run with one ONNX thread per call: a batch
 * ({@link #embedAll}) is spread over the executor's threads, one text per thread, which uses every core without the
 * threads of two calls competing for the same ones. Texts are not run through the model together: the quantized model
 * quantizes the input of each of its matrix products with one scale for the whole input, all texts and padding of a
 * batch included, so a text's vector would depend on the texts beside it (on the benchmark's corpus, a cosine as low
 * as 0.97 with the text's own vector), and a question's vector would not be computed as its sentences' were.
 */
final class BundledEmbeddingModel extends AbstractInProcessEmbeddingModel {

    static final String MODEL_FILE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_FILE = "all-minilm-l6-v2-q-tokenizer.json";
    static final int DIMENSION = 384;

    BundledEmbeddingModel(Executor executor) {
        super(executor);
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder();
    }

    @Override
    protected Integer knownDimension() {
        return DIMENSION;
    }

    /** The encoder, loaded once, the first time it is needed ({@link Preload} asks for it early). */
    static OnnxBertBiEncoder encoder() {
        return Encoder.INSTANCE;
    }

    private static final class Encoder {
        static final OnnxBertBiEncoder INSTANCE = create();

        private static OnnxBertBiEncoder create() {
            if (!NativeModelLoading.begin()) {
                throw new IllegalStateException("the process is exiting: the embedding model is not loaded");
            }
            try {
                return load();
            } finally {
                NativeModelLoading.end();
            }
        }

        private static OnnxBertBiEncoder load() {
            ClassLoader loader = BundledEmbeddingModel.class.getClassLoader();
            try (InputStream model = loader.getResourceAsStream(MODEL_FILE);
                 InputStream tokenizer = loader.getResourceAsStream(TOKENIZER_FILE);
                 OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                if (model == null || tokenizer == null) {
                    throw new IllegalStateException("the embedding model's files are not on the class path");
                }
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession session = environment.createSession(model.readAllBytes(), options);
                return new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the embedding model", e);
            } catch (OrtException e) {
                throw new IllegalStateException("cannot load the embedding model: " + e.getMessage(), e);
            }
        }
    }
}
