package dev.fonte.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.OptionHelper;
import dev.fonte.http.RequestIdFilter;
import dev.fonte.ops.logging.RedactingEncoder;

import java.util.Locale;

/**
 * The logging configuration, in code rather than a logback.xml: parsing XML (Joran and the JDK's parser) cost a few
 * hundred milliseconds of every start. Console output at INFO, one readable line per event, or one JSON object per
 * line (logback's own {@link JsonEncoder}, for log shippers) when {@code FONTE_LOG_FORMAT=json}. Either way each line
 * carries the request id of the request it was written for ({@code requestId} in the MDC, set by
 * {@link RequestIdFilter}), its message is rendered (never the raw {@code {}} pattern), and anything that looks like a
 * key or token is blanked out ({@link RedactingEncoder}).
 *
 * <p>Found by logback through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}. An operator's own
 * file still wins: with {@code -Dlogback.configurationFile=...} this steps aside and logback reads that file.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfigurator extends ContextAwareBase implements Configurator {

    /** The environment variable (or system property) that picks the format: {@code text} (default) or {@code json}. */
    public static final String FORMAT = "FONTE_LOG_FORMAT";

    /** The logger of Micronaut's route execution. */
    static final String ROUTE_EXECUTOR = "io.micronaut.http.server.RouteExecutor";

    /** A line: time, level, {@code [request id]} when the line belongs to a request, logger, message. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %replace([%X{" + RequestIdFilter.MDC_KEY
            + "}] ){'^\\[\\] $', ''}%logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (OptionHelper.getSystemProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        boolean json = isJson();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(json ? "json" : "text");
        console.setEncoder(encoder(context, json));
        console.start();
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        // Micronaut reports an unhandled error here before handing it to ProblemErrorResponseProcessor, which logs it
        // again with the request's id: the first copy, without the id, is only noise
        context.getLogger(ROUTE_EXECUTOR).setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** True when the logs are JSON lines: nothing else may then be written to the console (no banner). */
    public static boolean isJson() {
        String value = System.getProperty(FORMAT, System.getenv(FORMAT));
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("json");
    }

    /** The encoder of the console: the format's own, behind the redaction every line goes through. */
    static Encoder<ILoggingEvent> encoder(LoggerContext context, boolean json) {
        RedactingEncoder encoder = new RedactingEncoder(json ? jsonEncoder(context) : textEncoder(context));
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> textEncoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }

    private static Encoder<ILoggingEvent> jsonEncoder(LoggerContext context) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext(context);
        // "message" is the rendered, redacted text (RedactedEvent); the arguments are in it, and the logger context's
        // name and birth time would repeat on every line
        encoder.setWithArguments(false);
        encoder.setWithContext(false);
        encoder.start();
        return encoder;
    }
}
