package dev.fonte.http;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A request field that must be a JSON string: serde's own reading of a {@code String} turns {@code 42} or
 * {@code true} into text, which would answer a question nobody asked. Put on a record component with
 * {@code @Serdeable.Deserializable(using = StrictString.class)}.
 */
@Singleton
public final class StrictString implements Deserializer<String> {

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof String text) {
            return text;
        }
        throw new InvalidBodyException("'" + type.getName() + "' must be a JSON string, not " + kind(value));
    }

    @Override
    public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        return decoder.decodeNull() ? null : deserialize(decoder, context, type);
    }

    private static String kind(Object value) {
        if (value instanceof Number) {
            return "a number";
        } else if (value instanceof Boolean) {
            return "a boolean";
        } else if (value instanceof Map) {
            return "an object";
        } else if (value instanceof List) {
            return "an array";
        }
        return "null";
    }
}
