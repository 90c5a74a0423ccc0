package com.enreach.tools.aidouble.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Anthropic's wire shapes: the message object, the error body, and the server-sent event sequence of a streamed turn
 * ({@code message_start}, {@code content_block_start/delta/stop}, {@code ping}, {@code message_delta},
 * {@code message_stop}; {@code error} mid-stream).
 */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong();

    private Wire() {
    }

    static String id(String prefix) {
        return prefix + "_double" + String.format("%016d", IDS.incrementAndGet());
    }

    static byte[] error(String type, String message, String requestId) {
        ObjectNode body = JSON.createObjectNode().put("type", "error");
        body.putObject("error").put("type", type).put("message", message);
        body.put("request_id", requestId);
        return bytes(body);
    }

    /** The non-streaming answer: one message object. */
    static byte[] message(String id, String model, Turn turn, int inputTokens) {
        ObjectNode m = messageHead(id, model, inputTokens, outputTokens(turn));
        ArrayNode content = m.putArray("content");
        for (Turn.Block b : blocks(turn)) {
            ObjectNode c = content.addObject().put("type", b.type());
            if (b.type().equals("text")) {
                c.put("text", b.text());
            } else {
                c.put("id", b.id()).put("name", b.name()).set("input", parse(b.inputJson()));
            }
        }
        m.put("stop_reason", turn.stopReason());
        return bytes(m);
    }

    /** Writes a streamed turn; a stream {@code fault} (or null) changes how it goes on after it started. */
    static void stream(OutputStream out, String id, String model, Turn turn, int inputTokens, Fault fault)
            throws IOException, InterruptedException {
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        start.set("message", messageHead(id, model, inputTokens, 1));
        event(out, "message_start", start);
        event(out, "ping", JSON.createObjectNode().put("type", "ping"));
        if (fault != null && fault.kind() == Fault.Kind.STALL_MID_STREAM) {
            Thread.sleep(fault.stall().toMillis());
            return;
        }
        List<Turn.Block> blocks = blocks(turn);
        for (int i = 0; i < blocks.size(); i++) {
            block(out, i, blocks.get(i), fault);
            if (fault != null && fault.kind() != Fault.Kind.STALL) {
                if (fault.kind() == Fault.Kind.ERROR_EVENT) {
                    ObjectNode e = JSON.createObjectNode().put("type", "error");
                    e.putObject("error").put("type", fault.errorType()).put("message", fault.message());
                    event(out, "error", e);
                } else if (fault.kind() == Fault.Kind.MALFORMED_EVENT) {
                    raw(out, "event: content_block_delta\ndata: {\"type\": \"content_block_delta\", \"index\": " + i + ", \"delta\": {\"type\n\n");
                }
                return; // truncated: the connection closes here, before message_stop
            }
        }
        ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", turn.stopReason()).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", outputTokens(turn));
        event(out, "message_delta", delta);
        event(out, "message_stop", JSON.createObjectNode().put("type", "message_stop"));
    }

    private static void block(OutputStream out, int index, Turn.Block b, Fault fault) throws IOException {
        ObjectNode start = JSON.createObjectNode().put("type", "content_block_start").put("index", index);
        ObjectNode cb = start.putObject("content_block").put("type", b.type());
        List<String> pieces = new ArrayList<>();
        if (b.type().equals("text")) {
            cb.put("text", "");
            pieces.addAll(words(b.text()));
        } else {
            cb.put("id", b.id()).put("name", b.name()).putObject("input");
            String json = parse(b.inputJson()).toString();
            pieces.add("");
            for (int i = 0; i < json.length(); i += 12) {
                pieces.add(json.substring(i, Math.min(json.length(), i + 12)));
            }
        }
        event(out, "content_block_start", start);
        int sent = 0;
        for (String piece : pieces) {
            if (fault != null && sent > 0 && sent >= pieces.size() / 2) {
                return; // a faulty stream breaks off half way through the first block
            }
            ObjectNode d = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
            if (b.type().equals("text")) {
                d.putObject("delta").put("type", "text_delta").put("text", piece);
            } else {
                d.putObject("delta").put("type", "input_json_delta").put("partial_json", piece);
            }
            event(out, "content_block_delta", d);
            sent++;
        }
        if (fault == null) {
            event(out, "content_block_stop", JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
        }
    }

    private static ObjectNode messageHead(String id, String model, int inputTokens, int outputTokens) {
        ObjectNode m = JSON.createObjectNode().put("id", id).put("type", "message").put("role", "assistant");
        m.putArray("content");
        m.put("model", model).putNull("stop_reason").putNull("stop_sequence");
        m.putObject("usage").put("input_tokens", inputTokens).put("output_tokens", outputTokens);
        return m;
    }

    /** Blocks with made-up ids for tool calls scripted without one (ids are stable within the turn). */
    private static List<Turn.Block> blocks(Turn turn) {
        return turn.content().stream()
                .map(b -> b.type().equals("tool_use") && b.id() == null ? Turn.Block.toolUse(id("toolu"), b.name(), b.inputJson()) : b)
                .toList();
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == ' ') {
                out.add(text.substring(from, i));
                from = i;
            }
        }
        return out.isEmpty() ? List.of("") : out;
    }

    private static int outputTokens(Turn turn) {
        int n = 0;
        for (Turn.Block b : turn.content()) {
            n += words(b.text() != null ? b.text() : String.valueOf(b.inputJson())).size();
        }
        return Math.max(1, n);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json == null || json.isBlank() ? "{}" : json);
        } catch (IOException e) {
            throw new IllegalArgumentException("scripted tool input is not JSON: " + json, e);
        }
    }

    private static void event(OutputStream out, String name, JsonNode data) throws IOException {
        raw(out, "event: " + name + "\ndata: " + data + "\n\n");
    }

    private static void raw(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }
}
