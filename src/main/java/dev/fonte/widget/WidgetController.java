package dev.fonte.widget;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Serves the embeddable widget at {@code /widget.js} (the one script tag a host page adds) and the demo page at
 * {@code /}. Both are read once from the classpath: they are part of the build, not of the corpus.
 */
@Hidden
@Controller
public class WidgetController {

    static final String JAVASCRIPT = "application/javascript";
    private static final String SCRIPT = "classpath:widget/widget.js";
    private static final String DEMO = "classpath:widget/index.html";

    private final byte[] script;
    private final String etag;
    private final String scriptCacheControl;
    private final byte[] demo;

    public WidgetController(ResourceResolver resources, WidgetConfiguration configuration) {
        this.script = read(resources, SCRIPT);
        this.demo = read(resources, DEMO);
        this.etag = '"' + sha256(script).substring(0, 20) + '"';
        long seconds = configuration.cacheMaxAge().toSeconds();
        // public: the script is the same for every visitor; an ETag makes revalidation after max-age a 304
        this.scriptCacheControl = seconds == 0 ? "no-cache" : "public, max-age=" + seconds;
    }

    @Get(uri = "/widget.js", produces = JAVASCRIPT)
    public HttpResponse<byte[]> widget(@Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        if (etag.equals(ifNoneMatch)) {
            return HttpResponse.<byte[]>notModified()
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, scriptCacheControl);
        }
        return HttpResponse.ok(script)
                .contentType(JAVASCRIPT + ";charset=utf-8")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, scriptCacheControl)
                .header("X-Content-Type-Options", "nosniff");
    }

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> demo() {
        return HttpResponse.ok(demo)
                .contentType(MediaType.TEXT_HTML + ";charset=utf-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private static byte[] read(ResourceResolver resources, String location) {
        try (InputStream in = resources.getResourceAsStream(location)
                .orElseThrow(() -> new IllegalStateException("missing resource " + location))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
