package dev.fonte.ops;

import dev.fonte.ops.logging.Redactor;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Tells the log redaction the exact secrets this server was configured with (every {@code fonte.*} property named
 * like a key, token, secret or password), so that a provider echoing one in an error body is caught even when it has
 * none of the shapes {@link Redactor} knows.
 */
@Context
public class LogRedaction {

    /** Names of secret properties: {@code api-key(s)}, {@code admin-key}, {@code bot-token}, {@code *-secret}. */
    static final Pattern SECRET_NAME = Pattern.compile("(?:^|[.\\-])(?:api-keys?|admin-key|token|secret|password)$");

    public LogRedaction(Environment environment) {
        environment.getProperties("fonte", StringConvention.RAW).forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).find()) {
                register(value);
            }
        });
    }

    private static void register(Object value) {
        if (value instanceof Collection<?> values) {
            values.forEach(LogRedaction::register);
        } else if (value != null) {
            for (String secret : value.toString().split(",")) {
                Redactor.addSecret(secret);
            }
        }
    }
}
