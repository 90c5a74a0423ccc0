package com.enreach.tools.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Reads server-sent events as the HTML standard defines them: {@code event:} and {@code data:} fields (several data
 * lines joined by line breaks), a blank line ends an event, {@code :} starts a comment. Data that is JSON is parsed.
 */
final class SseReader {
    private SseReader() {
    }

    static void read(BufferedReader in, BiConsumer<String, JsonNode> onEvent) throws IOException {
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    onEvent.accept(event == null ? "message" : event, parse(data.toString()));
                }
                event = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("event")) {
                event = value;
            } else if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            }
        }
        // an event without its closing blank line is incomplete (the stream broke off): dropped, as the standard says
    }

    private static JsonNode parse(String data) {
        try {
            return Json.MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(data);
        }
    }
}
