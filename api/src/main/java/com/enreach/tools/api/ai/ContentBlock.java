package com.enreach.tools.api.ai;

/**
 * A piece of a message.
 *
 * <ul>
 * <li>{@code text}: {@link #text()}.</li>
 * <li>{@code tool_use}: the model calls tool {@link #toolName()} with {@link #inputJson()} (a JSON object as text);
 * {@link #toolUseId()} is the provider's call id.</li>
 * <li>{@code tool_result}: the answer to call {@link #toolUseId()}, as text (JSON or prose) in {@link #text()};
 * {@link #error()} marks a failed call.</li>
 * </ul>
 */
public record ContentBlock(String type, String text, String toolUseId, String toolName, String inputJson, boolean error) {
    public static final String TEXT = "text";
    public static final String TOOL_USE = "tool_use";
    public static final String TOOL_RESULT = "tool_result";

    public static ContentBlock text(String text) {
        return new ContentBlock(TEXT, text, null, null, null, false);
    }

    public static ContentBlock toolUse(String id, String name, String inputJson) {
        return new ContentBlock(TOOL_USE, null, id, name, inputJson, false);
    }

    public static ContentBlock toolResult(String id, String text, boolean error) {
        return new ContentBlock(TOOL_RESULT, text, id, null, null, error);
    }
}
