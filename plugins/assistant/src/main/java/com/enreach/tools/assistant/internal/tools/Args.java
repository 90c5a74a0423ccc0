package com.enreach.tools.assistant.internal.tools;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A tool's input: a JSON object; a problem with it is a {@link BadInput} naming the argument. */
final class Args {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String tool;
    private final JsonNode node;

    private Args(String tool, JsonNode node) {
        this.tool = tool;
        this.node = node;
    }

    static Args parse(String tool, String json) {
        if (json == null || json.isBlank()) {
            return new Args(tool, JSON.createObjectNode());
        }
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadInput(tool + ": the input is not valid JSON (" + e.getOriginalMessage() + ")");
        }
        if (n == null || n.isNull() || n.isMissingNode()) {
            return new Args(tool, JSON.createObjectNode());
        }
        if (!n.isObject()) {
            throw new BadInput(tool + ": the input must be a JSON object, got " + n.getNodeType().name().toLowerCase());
        }
        return new Args(tool, n);
    }

    String text(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new BadInput(tool + ": argument '" + name + "' must be a string");
        }
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    String required(String name) {
        String s = text(name);
        if (s == null) {
            throw new BadInput(tool + ": argument '" + name + "' is required");
        }
        return s;
    }

    int integer(String name, int dflt, int min, int max) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.canConvertToInt() && !(v.isTextual() && v.asText().matches("-?\\d{1,9}"))) {
            throw new BadInput(tool + ": argument '" + name + "' must be an integer from " + min + " to " + max);
        }
        int i = v.isTextual() ? Integer.parseInt(v.asText()) : v.asInt();
        if (i < min || i > max) {
            throw new BadInput(tool + ": argument '" + name + "' must be from " + min + " to " + max + ", got " + i);
        }
        return i;
    }

    boolean bool(String name, boolean dflt) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() && v.asText().matches("(?i)true|false")) {
            return Boolean.parseBoolean(v.asText());
        }
        throw new BadInput(tool + ": argument '" + name + "' must be true or false");
    }

    /** An object of string values ({@code params} of run_report). */
    Map<String, String> map(String name) {
        JsonNode v = node.get(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isObject()) {
            throw new BadInput(tool + ": argument '" + name + "' must be an object of parameter values");
        }
        v.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** Bad tool input: becomes a failed {@link ToolOutcome} with this message. */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }
}
