package dev.fonte.ops;

import dev.fonte.http.NotFoundException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.swagger.v3.oas.annotations.Hidden;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the OpenAPI spec generated from the code at compile time, as {@code application/yaml}, fitted to how this
 * server is configured: without the admin endpoints when there is no admin key, and with the bearer key optional
 * where anonymous use is allowed. Prepared once, at start.
 */
@Controller("/swagger")
@Hidden
public class OpenApiController {

    /** The generated spec's file name (title and version of the {@code @OpenAPIDefinition}). */
    public static final String SPEC = "fonte-0.1.yml";
    /** The media type of YAML (RFC 9512). */
    public static final String YAML = "application/yaml";
    private static final Pattern REF = Pattern.compile("#/components/schemas/([A-Za-z0-9._-]+)");

    private final String spec;

    public OpenApiController(OpsConfiguration ops) {
        this.spec = fitted(ops);
    }

    @Get(value = "/{file}", produces = YAML)
    public HttpResponse<String> spec(@PathVariable String file) {
        if (!SPEC.equals(file)) {
            throw new NotFoundException("no OpenAPI document '" + file + "'; the spec is /swagger/" + SPEC);
        }
        return HttpResponse.ok(spec).contentType(YAML);
    }

    @SuppressWarnings("unchecked")
    private static String fitted(OpsConfiguration ops) {
        Map<String, Object> document;
        try (InputStream in = OpenApiController.class.getResourceAsStream("/META-INF/swagger/" + SPEC)) {
            if (in == null) {
                throw new IllegalStateException("the generated OpenAPI spec META-INF/swagger/" + SPEC + " is missing");
            }
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> paths = (Map<String, Object>) document.getOrDefault("paths", Map.of());
        if (!ops.adminEnabled()) {
            paths.keySet().removeIf(path -> path.startsWith("/api/admin/"));
        }
        if (ops.anonymousAllowed()) {
            // the key becomes optional (an empty requirement) on the endpoints anonymous requests may use
            for (Object item : paths.values()) {
                for (Object operation : ((Map<String, Object>) item).values()) {
                    if (operation instanceof Map<?, ?> op && op.get("security") instanceof List<?> security) {
                        List<Object> optional = new ArrayList<>(security);
                        optional.add(0, new LinkedHashMap<>());
                        ((Map<String, Object>) op).put("security", optional);
                    }
                }
            }
        }
        dropUnusedSchemas(document);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options).dump(document);
    }

    /** Schemas no longer referenced (those of the admin endpoints, when they are gone) leave with them. */
    @SuppressWarnings("unchecked")
    private static void dropUnusedSchemas(Map<String, Object> document) {
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        if (components == null || !(components.get("schemas") instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");
        Set<String> used = new HashSet<>();
        List<Object> pending = new ArrayList<>(List.of(document.getOrDefault("paths", Map.of())));
        while (!pending.isEmpty()) {
            Matcher m = REF.matcher(String.valueOf(pending.remove(pending.size() - 1)));
            while (m.find()) {
                if (used.add(m.group(1)) && schemas.containsKey(m.group(1))) {
                    pending.add(schemas.get(m.group(1)));
                }
            }
        }
        schemas.keySet().retainAll(used);
    }
}
