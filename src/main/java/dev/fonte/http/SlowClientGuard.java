package dev.fonte.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Two guards at the bottom of every HTTP/1 connection, where Micronaut has no setting for them:
 * <ul>
 *   <li>a request must arrive whole (head and body) within {@code fonte.http.request-read-timeout} of its first byte,
 *   else 408 and the connection is closed: a slowloris client trickling its headers a byte at a time, or a body
 *   likewise, no longer holds a connection forever (the idle timeout never fires while bytes trickle in);</li>
 *   <li>a request line or header block too long for Netty to read is answered 414 or 431 in problem+json (Netty
 *   would hand Micronaut a made-up {@code /bad-request} with a 413).</li>
 * </ul>
 * Both answers are written here, below the application: they carry a fresh request id, logged with the refusal.
 */
@Singleton
@Requires(beans = NettyServerCustomizer.Registry.class)
public class SlowClientGuard implements NettyServerCustomizer,
        BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final Logger LOG = LoggerFactory.getLogger(SlowClientGuard.class);
    static final String BYTES = "fonte-request-start";
    static final String MESSAGES = "fonte-request-guard";

    private final long timeoutNanos;

    public SlowClientGuard(HttpConfiguration config) {
        this.timeoutNanos = config.requestReadTimeout().toNanos();
    }

    /** Registered when the server's registry is created, before it listens (Micronaut's documented way). */
    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(this);
        return event.getBean();
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        return role == ChannelRole.CONNECTION ? new Connection(channel) : this;
    }

    /** One connection: a timer from the first byte of a request until its last byte was decoded. */
    private final class Connection implements NettyServerCustomizer {

        private final Channel channel;
        /** Where answers are written from: above the codec, so they are encoded as HTTP. */
        private ChannelHandlerContext writer;
        private ScheduledFuture<?> timer;
        private boolean reading;

        Connection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void onInitialPipelineBuilt() {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) == null) {
                return; // not plain HTTP/1 (h2c, TLS negotiation): Netty's own limits apply
            }
            pipeline.addBefore(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, BYTES, new BytesIn());
            pipeline.addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, MESSAGES, new MessagesIn());
        }

        /** Raw bytes, before decoding: the first byte of a request starts its clock. */
        private final class BytesIn extends ChannelInboundHandlerAdapter {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (!reading && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                    reading = true;
                    timer = ctx.executor().schedule(Connection.this::tooSlow, timeoutNanos, TimeUnit.NANOSECONDS);
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) {
                stop();
                ctx.fireChannelInactive();
            }
        }

        /** Decoded messages: the request's last part stops the clock; a decoding failure of size is answered here. */
        private final class MessagesIn extends ChannelDuplexHandler {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                writer = ctx;
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof HttpRequest head && head.decoderResult().isFailure()
                        && head.decoderResult().cause() instanceof TooLongFrameException tooLong) {
                    stop();
                    ReferenceCountUtil.release(msg);
                    boolean line = tooLong instanceof TooLongHttpLineException;
                    HttpResponseStatus status = line ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                            : tooLong instanceof TooLongHttpHeaderException
                            ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : HttpResponseStatus.BAD_REQUEST;
                    refuse(ctx, status, line
                            ? "the request line is too long to be read; the request target must be shorter"
                            : "the request's headers are too large to be read");
                    return;
                }
                if (msg instanceof LastHttpContent) {
                    stop();
                    reading = false;
                }
                ctx.fireChannelRead(msg);
            }

            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                // an answer sent before the request was read whole (a 413, a refusal) ends the request's clock
                if (msg instanceof HttpResponse) {
                    stop();
                }
                ctx.write(msg, promise);
            }
        }

        private void tooSlow() {
            reading = false;
            if (channel.isActive() && writer != null) {
                refuse(writer, HttpResponseStatus.REQUEST_TIMEOUT, "the request was not received in time; "
                        + "send the whole request promptly");
            }
        }

        private void stop() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }

    /** A problem+json answer written straight to the socket, then the connection is closed. */
    private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String detail) {
        String requestId = UUID.randomUUID().toString();
        try (MDC.MDCCloseable ignored = MDC.putCloseable(RequestIdFilter.MDC_KEY, requestId)) {
            LOG.info("Refused a request from {}: {} {}", ctx.channel().remoteAddress(), status.code(), detail);
        }
        String body = "{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":"
                + status.code() + ",\"detail\":\"" + detail + "\"}";
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, ProblemErrorResponseProcessor.PROBLEM_JSON.toString())
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(RequestIdFilter.HEADER, requestId);
        // written just above the codec: below Micronaut's handlers, which have no request to answer
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
