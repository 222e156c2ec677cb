package dev.fonte.answer.provider.fake;

import java.util.ArrayList;
import java.util.List;

/** Ollama's chat API: {@code POST /api/chat}, one JSON object, or NDJSON lines ending with {@code "done": true}. */
public final class OllamaFakeServer extends FakeModelServer {

    @Override
    protected String path() {
        return "/api/chat";
    }

    @Override
    public String baseUrl() {
        return root();
    }

    @Override
    protected String completeBody(String model, String text) {
        return "{\"model\":" + quote(model) + ",\"created_at\":\"2025-01-01T00:00:00Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(text) + "},"
                + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":1000000,\"prompt_eval_count\":120,"
                + "\"eval_count\":20}";
    }

    @Override
    protected List<String> streamFrames(String model, List<String> tokens, boolean complete) {
        List<String> lines = new ArrayList<>();
        for (String token : tokens) {
            lines.add("{\"model\":" + quote(model) + ",\"created_at\":\"2025-01-01T00:00:00Z\","
                    + "\"message\":{\"role\":\"assistant\",\"content\":" + quote(token) + "},\"done\":false}\n");
        }
        if (complete) {
            lines.add("{\"model\":" + quote(model) + ",\"created_at\":\"2025-01-01T00:00:00Z\","
                    + "\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done_reason\":\"stop\",\"done\":true,"
                    + "\"total_duration\":1000000,\"prompt_eval_count\":120,\"eval_count\":20}\n");
        }
        return lines;
    }

    @Override
    protected String malformedFrame() {
        return "{\"model\":\"x\",\"message\":<html>oops\n";
    }

    @Override
    protected String streamContentType() {
        return "application/x-ndjson";
    }

    @Override
    protected String errorBody(int status) {
        return "{\"error\":\"fake failure " + status + "\"}";
    }
}
