package com.enreach.tools.aidouble.anthropic;

import java.util.List;

/**
 * One scripted model turn: content blocks and the stop reason. Streamed as Anthropic streams it (text in word-sized
 * {@code text_delta}s, tool input in {@code input_json_delta} chunks), or answered as one JSON message.
 *
 * @param content    text and tool_use blocks, in order
 * @param stopReason {@code end_turn}, {@code tool_use}, {@code max_tokens}, {@code stop_sequence}, ...
 */
public record Turn(List<Block> content, String stopReason) implements Reply {
    public Turn {
        content = List.copyOf(content);
    }

    /** A text answer ending the turn. */
    public static Turn text(String text) {
        return new Turn(List.of(Block.text(text)), "end_turn");
    }

    /** A call of tool {@code name} with {@code inputJson} (a JSON object); the double makes the id. */
    public static Turn toolUse(String name, String inputJson) {
        return new Turn(List.of(Block.toolUse(null, name, inputJson)), "tool_use");
    }

    /** Any blocks with any stop reason, e.g. some text then a tool call. */
    public static Turn of(String stopReason, Block... blocks) {
        return new Turn(List.of(blocks), stopReason);
    }

    /**
     * A content block: {@code text} with {@link #text}, or {@code tool_use} with {@link #id} (null: made up),
     * {@link #name} and {@link #inputJson}.
     */
    public record Block(String type, String text, String id, String name, String inputJson) {
        public static Block text(String text) {
            return new Block("text", text, null, null, null);
        }

        public static Block toolUse(String id, String name, String inputJson) {
            return new Block("tool_use", null, id, name, inputJson);
        }
    }
}
