package dev.fonte;

import dev.fonte.ops.LogConfigurator;
import dev.fonte.retrieval.Preload;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

@OpenAPIDefinition(info = @Info(title = "Fonte", version = "0.1",
        description = "Grounded answers about a news announcement, every claim tied to the passage it comes from."))
public class Application {

    public static void main(String[] args) {
        // the embedding model loads while the application context starts (dev.fonte.retrieval.Preload)
        Preload.start(args);
        // in JSON mode every console line must be a JSON object: no banner
        Micronaut.build(args).mainClass(Application.class).banner(!LogConfigurator.isJson()).start();
    }
}
