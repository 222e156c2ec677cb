package dev.fonte;

import dev.fonte.retrieval.IndexCommand;
import dev.fonte.retrieval.Preload;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;

import java.util.Arrays;

@OpenAPIDefinition(info = @Info(title = "Fonte", version = "0.1",
        description = "Grounded answers about a news announcement, every claim tied to the passage it comes from."))
public class Application {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(IndexCommand.NAME)) {
            System.exit(IndexCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err,
                    System.console() != null));
        }
        // the embedding model loads while the application context starts (dev.fonte.retrieval.Preload)
        Preload.start(args);
        Micronaut.run(Application.class, args);
    }
}
