package dev.fonte.ops.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Wraps the encoder of an appender so that every event is rendered and redacted ({@link RedactedEvent}) before it is
 * encoded: the one place all log output passes, whichever logger wrote it (ours, a provider client's, the framework's).
 * Usable from a logback.xml of one's own too: {@code <encoder class="dev.fonte.ops.logging.RedactingEncoder">} with
 * the real encoder inside as {@code <encoder>}.
 */
public final class RedactingEncoder extends ContextAwareBase implements Encoder<ILoggingEvent> {

    private Encoder<ILoggingEvent> encoder;
    private boolean started;

    public RedactingEncoder() {
    }

    public RedactingEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    /** The encoder that writes the redacted events (logback.xml: a nested {@code <encoder>}). */
    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public byte[] headerBytes() {
        return encoder.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return encoder.encode(new RedactedEvent(event));
    }

    @Override
    public byte[] footerBytes() {
        return encoder.footerBytes();
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("RedactingEncoder needs an <encoder> to write with");
            return;
        }
        if (!encoder.isStarted()) {
            encoder.start();
        }
        started = true;
    }

    @Override
    public void stop() {
        if (encoder != null) {
            encoder.stop();
        }
        started = false;
    }

    @Override
    public boolean isStarted() {
        return started;
    }
}
