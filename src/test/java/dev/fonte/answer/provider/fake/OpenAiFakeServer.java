package dev.fonte.answer.provider.fake;

import java.util.ArrayList;
import java.util.List;

/**
 * OpenAI's Chat Completions: {@code POST /v1/chat/completions}, JSON or SSE chunks ending with
 * {@code data: [DONE]}.
 */
public final class OpenAiFakeServer extends FakeModelServer {

    @Override
    protected String path() {
        return "/v1/chat/completions";
    }

    @Override
    public String baseUrl() {
        return root() + "/v1";
    }

    @Override
    protected String completeBody(String model, String text) {
        return """
                {"id":"chatcmpl-fake","object":"chat.completion","created":1735689600,"model":%s,
                 "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":120,"completion_tokens":20,"total_tokens":140}}
                """.formatted(quote(model), quote(text));
    }

    @Override
    protected List<String> streamFrames(String model, List<String> tokens, boolean complete) {
        List<String> frames = new ArrayList<>();
        frames.add(chunk(model, "{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        for (String token : tokens) {
            frames.add(chunk(model, "{\"content\":" + quote(token) + "}", "null"));
        }
        if (complete) {
            frames.add(chunk(model, "{}", "\"stop\""));
            frames.add("data: [DONE]\n\n");
        }
        return frames;
    }

    private static String chunk(String model, String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion.chunk\",\"created\":1735689600,\"model\":"
                + quote(model) + ",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason
                + "}]}\n\n";
    }

    @Override
    protected String streamContentType() {
        return "text/event-stream";
    }

    @Override
    protected String errorBody(int status) {
        return "{\"error\":{\"message\":\"fake failure " + status + "\",\"type\":\"server_error\",\"code\":null}}";
    }
}
