package dev.fonte.ops.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextVO;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A logging event as it is written: its message rendered once (the arguments put into the pattern) and redacted, so
 * that a JSON line's {@code message} is the text a reader sees, never the raw {@code {}} pattern, and neither the
 * message, the arguments nor an exception's message carry a credential. Everything else is the original event's.
 */
final class RedactedEvent implements ILoggingEvent {

    private final ILoggingEvent event;
    private final String message;
    private final IThrowableProxy throwable;

    RedactedEvent(ILoggingEvent event) {
        this.event = event;
        this.message = Redactor.redact(event.getFormattedMessage());
        this.throwable = event.getThrowableProxy() == null ? null : new RedactedThrowable(event.getThrowableProxy());
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public String getFormattedMessage() {
        return message;
    }

    /** None: they are in the rendered message already, redacted. */
    @Override
    public Object[] getArgumentArray() {
        return null;
    }

    @Override
    public IThrowableProxy getThrowableProxy() {
        return throwable;
    }

    @Override
    public String getThreadName() {
        return event.getThreadName();
    }

    @Override
    public Level getLevel() {
        return event.getLevel();
    }

    @Override
    public String getLoggerName() {
        return event.getLoggerName();
    }

    @Override
    public LoggerContextVO getLoggerContextVO() {
        return event.getLoggerContextVO();
    }

    @Override
    public StackTraceElement[] getCallerData() {
        return event.getCallerData();
    }

    @Override
    public boolean hasCallerData() {
        return event.hasCallerData();
    }

    @Override
    public List<Marker> getMarkerList() {
        return event.getMarkerList();
    }

    @Override
    public Map<String, String> getMDCPropertyMap() {
        return event.getMDCPropertyMap();
    }

    @Override
    @SuppressWarnings("deprecation")
    public Map<String, String> getMdc() {
        return event.getMdc();
    }

    @Override
    public long getTimeStamp() {
        return event.getTimeStamp();
    }

    @Override
    public int getNanoseconds() {
        return event.getNanoseconds();
    }

    @Override
    public java.time.Instant getInstant() {
        return event.getInstant();
    }

    @Override
    public long getSequenceNumber() {
        return event.getSequenceNumber();
    }

    @Override
    public List<KeyValuePair> getKeyValuePairs() {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        return pairs == null ? null : pairs.stream()
                .map(p -> new KeyValuePair(p.key, p.value == null ? null : Redactor.redact(String.valueOf(p.value))))
                .toList();
    }

    @Override
    public void prepareForDeferredProcessing() {
        event.prepareForDeferredProcessing();
    }

    /** An exception as logged, its message (and those of its causes and suppressed ones) redacted. */
    private static final class RedactedThrowable implements IThrowableProxy {

        private final IThrowableProxy proxy;

        RedactedThrowable(IThrowableProxy proxy) {
            this.proxy = proxy;
        }

        @Override
        public String getMessage() {
            return Redactor.redact(proxy.getMessage());
        }

        @Override
        public String getOverridingMessage() {
            return Redactor.redact(proxy.getOverridingMessage());
        }

        @Override
        public String getClassName() {
            return proxy.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return proxy.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return proxy.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            // a cyclic chain's cause is already on the way: the converters stop on isCyclic
            IThrowableProxy cause = proxy.getCause();
            return cause == null || proxy.isCyclic() ? cause : new RedactedThrowable(cause);
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = proxy.getSuppressed();
            return suppressed == null ? null
                    : Arrays.stream(suppressed).map(RedactedThrowable::new).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return proxy.isCyclic();
        }
    }
}
