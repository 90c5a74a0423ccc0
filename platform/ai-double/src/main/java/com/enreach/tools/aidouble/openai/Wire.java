package com.enreach.tools.aidouble.openai;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON OpenAI sends: streamed {@code chat.completion.chunk}s, a whole {@code chat.completion}, error bodies. */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String id;
    private final String model;
    private final long created = System.currentTimeMillis() / 1000;
    private final boolean usageField;

    Wire(String id, String model, boolean usageField) {
        this.id = id;
        this.model = model;
        this.usageField = usageField;
    }

    /** The chunks of a streamed turn, in OpenAI's order, without the usage chunk and {@code [DONE]}. */
    List<String> chunks(Turn turn) {
        List<String> out = new ArrayList<>();
        ObjectNode role = JSON.createObjectNode().put("role", "assistant").put("content", "");
        role.putNull("refusal");
        out.add(chunk(role, null));
        for (String piece : pieces(turn.text(), 12)) {
            out.add(chunk(JSON.createObjectNode().put("content", piece), null));
        }
        for (int i = 0; i < turn.toolCalls().size(); i++) {
            Turn.ToolCall c = turn.toolCalls().get(i);
            ObjectNode first = JSON.createObjectNode().put("index", i).put("id", c.id()).put("type", "function");
            first.putObject("function").put("name", c.name()).put("arguments", "");
            out.add(toolDelta(first));
            for (String piece : pieces(c.argumentsJson(), 7)) {
                ObjectNode more = JSON.createObjectNode().put("index", i);
                more.putObject("function").put("arguments", piece);
                out.add(toolDelta(more));
            }
        }
        out.add(chunk(JSON.createObjectNode(), turn.finishReason()));
        return out;
    }

    String usageChunk(int prompt, int completion) {
        ObjectNode n = base();
        n.putArray("choices");
        n.set("usage", usage(prompt, completion));
        return n.toString();
    }

    String completion(Turn turn, int prompt, int completion) {
        ObjectNode n = JSON.createObjectNode().put("id", id).put("object", "chat.completion").put("created", created)
                .put("model", model);
        ObjectNode choice = n.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (turn.text().isEmpty() && !turn.toolCalls().isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", turn.text());
        }
        message.putNull("refusal");
        if (!turn.toolCalls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (Turn.ToolCall c : turn.toolCalls()) {
                ObjectNode call = calls.addObject().put("id", c.id()).put("type", "function");
                call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
            }
        }
        choice.putNull("logprobs");
        choice.put("finish_reason", turn.finishReason());
        n.set("usage", usage(prompt, completion));
        return n.toString();
    }

    static String error(String message, String type, String param, String code) {
        ObjectNode n = JSON.createObjectNode();
        ObjectNode e = n.putObject("error").put("message", message).put("type", type);
        if (param == null) {
            e.putNull("param");
        } else {
            e.put("param", param);
        }
        if (code == null) {
            e.putNull("code");
        } else {
            e.put("code", code);
        }
        return n.toString();
    }

    private String toolDelta(ObjectNode call) {
        ObjectNode delta = JSON.createObjectNode();
        delta.putArray("tool_calls").add(call);
        return chunk(delta, null);
    }

    private String chunk(ObjectNode delta, String finishReason) {
        ObjectNode n = base();
        ObjectNode choice = n.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        if (usageField) {
            n.putNull("usage");
        }
        return n.toString();
    }

    private ObjectNode base() {
        return JSON.createObjectNode().put("id", id).put("object", "chat.completion.chunk").put("created", created)
                .put("model", model).put("system_fingerprint", "fp_double");
    }

    private static ObjectNode usage(int prompt, int completion) {
        return JSON.createObjectNode().put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }

    /** Splits text into pieces of about {@code size} characters, the way tokens arrive. */
    static List<String> pieces(String text, int size) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) {
            int end = Math.min(text.length(), i + size);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end++;
            }
            out.add(text.substring(i, end));
            i = end - size;
        }
        return out;
    }
}
