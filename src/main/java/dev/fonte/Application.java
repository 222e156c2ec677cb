package dev.fonte;

import dev.fonte.http.ApiErrors;
import dev.fonte.ops.LogConfigurator;
import dev.fonte.retrieval.IndexCommand;
import dev.fonte.retrieval.Preload;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import java.util.Arrays;

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
        Micronaut.build(args).mainClass(Application.class).banner(!LogConfigurator.isJson()).start();
    }
}
