package dev.fonte.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.CRC32;

/**
 * What the vectors in an index were computed with, so that an index is never searched with the vectors of another
 * model. For the bundled model: the checksums of the model and tokenizer files and of the ONNX runtime's and the
 * tokenizer library's classes as packaged (a new version of any of them gives other vectors). For any other model:
 * its class and dimension.
 */
final class ModelIdentity {

    /** The bundled model's identity, computed once (it reads the model file). */
    private static volatile String bundled;

    private ModelIdentity() {
    }

    static String of(EmbeddingModel model) {
        if (!(model instanceof BundledEmbeddingModel)) {
            return model.getClass().getName() + ";" + model.dimension();
        }
        String id = bundled;
        if (id == null) {
            id = bundled();
            bundled = id;
        }
        return id;
    }

    private static String bundled() {
        StringBuilder id = new StringBuilder("all-minilm-l6-v2-q;" + BundledEmbeddingModel.DIMENSION);
        for (String resource : new String[] {BundledEmbeddingModel.MODEL_FILE, BundledEmbeddingModel.TOKENIZER_FILE,
                "ai/onnxruntime/OrtSession.class", "ai/djl/huggingface/tokenizers/HuggingFaceTokenizer.class",
                "dev/langchain4j/model/embedding/onnx/OnnxBertBiEncoder.class"}) {
            id.append(';').append(crc(resource));
        }
        return id.toString();
    }

    /** The CRC-32 of a class-path resource's bytes. */
    static String crc(String resource) {
        try (InputStream in = ModelIdentity.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "missing";
            }
            CRC32 crc = new CRC32();
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
            return Long.toHexString(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
