package dev.fonte.answer.provider.fake;

import java.util.ArrayList;
import java.util.List;

/**
 * Anthropic's Messages API: {@code POST /v1/messages}, JSON, or SSE events message_start, content_block_start,
 * content_block_delta..., content_block_stop, message_delta, message_stop.
 */
public final class AnthropicFakeServer extends FakeModelServer {

    @Override
    protected String path() {
        return "/v1/messages";
    }

    @Override
    public String baseUrl() {
        return root() + "/v1/";
    }

    @Override
    protected String completeBody(String model, String text) {
        return "{\"id\":\"msg_fake\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + quote(model) + ","
                + "\"content\":[{\"type\":\"text\",\"text\":" + quote(text) + "}],"
                + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":120,\"output_tokens\":20}}";
    }

    @Override
    protected List<String> streamFrames(String model, List<String> tokens, boolean complete) {
        List<String> events = new ArrayList<>();
        events.add(event("message_start",
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_fake\",\"type\":\"message\","
                + "\"role\":\"assistant\",\"model\":" + quote(model) + ",\"content\":[],\"stop_reason\":null,"
                + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":120,\"output_tokens\":1}}}"));
        events.add(event("content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
        events.add(event("ping", "{\"type\":\"ping\"}"));
        for (String token : tokens) {
            events.add(event("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,"
                    + "\"delta\":{\"type\":\"text_delta\",\"text\":" + quote(token) + "}}"));
        }
        if (complete) {
            events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
            events.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
                    + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":20}}"));
            events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
        }
        return events;
    }

    private static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    @Override
    protected String malformedFrame() {
        return "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",<html>oops\n\n";
    }

    @Override
    protected String streamContentType() {
        return "text/event-stream";
    }

    @Override
    protected String errorBody(int status) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"fake failure " + status + "\"}}";
    }
}
