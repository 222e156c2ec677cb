package dev.fonte;

import dev.fonte.answer.provider.ProviderConfigurationException;
import dev.fonte.http.ApiErrors;
import dev.fonte.ops.LogConfigurator;
import dev.fonte.retrieval.IndexCommand;
import dev.fonte.retrieval.NativeModelLoading;
import dev.fonte.retrieval.Preload;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

@OpenAPIDefinition(info = @Info(title = "Fonte", version = "0.1",
        description = "Grounded answers about a news announcement, every claim tied to the passage it comes from. "
                + "Every error is application/problem+json. A request without a valid API key is anonymous: served "
                + "within per-address and overall budgets when the server allows anonymous use, else 401."))
@SecurityScheme(name = ApiErrors.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "An API key (FONTE_API_KEYS or FONTE_API_KEYS_FILE), or the admin key for /api/admin")
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(IndexCommand.NAME)) {
            System.exit(IndexCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err,
                    System.console() != null));
        }
        // the embedding model loads while the application context starts (dev.fonte.retrieval.Preload)
        Preload.start(args);
        // in JSON mode every console line must be a JSON object: no banner
        new Launcher().args(args).mainClass(Application.class).banner(!LogConfigurator.isJson()).start();
    }

    /**
     * Micronaut's launcher, except that a start refused by a configuration check ends with that check's own line
     * (which names the setting and the values it takes) and exit code 1, instead of a wrapped stack trace.
     */
    static final class Launcher extends Micronaut {

        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            Optional<String> problem = configurationProblem(exception);
            if (problem.isPresent() && !environment.getActiveNames().contains(Environment.TEST)) {
                LoggerFactory.getLogger(Application.class).error("Fonte cannot start: {}", problem.get());
                // the index may be loading the embedding model's native library on another thread: exiting under
                // it kills the JVM with a signal instead of this status
                NativeModelLoading.beforeExit();
                System.exit(1);
            }
            super.handleStartupException(environment, exception);
        }
    }

    /** What a configuration check said, on one line, when one is what stopped the start. */
    static Optional<String> configurationProblem(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ProviderConfigurationException) {
                return Optional.of(t.getMessage());
            }
            if (t instanceof ConstraintViolationException violations
                    && !violations.getConstraintViolations().isEmpty()) {
                return Optional.of(violations.getConstraintViolations().stream().map(ConstraintViolation::getMessage)
                        .sorted().collect(Collectors.joining("; ")));
            }
            // Micronaut reports a configuration record's failed constraints in its message, one per line
            Matcher violations = VIOLATIONS.matcher(t.getMessage() == null ? "" : t.getMessage());
            if (violations.find()) {
                return Optional.of(VIOLATION.matcher(violations.group(1)).results().map(m -> m.group(1).strip())
                        .collect(Collectors.joining("; ")));
            }
        }
        return Optional.empty();
    }

    private static final Pattern VIOLATIONS = Pattern.compile("List of constraint violations:\\[(.*?)\\n]",
            Pattern.DOTALL);
    private static final Pattern VIOLATION = Pattern.compile("(?m)^\\s*\\S+ - (.+)$");
}
