package com.enreach.tools.api.ai;

/**
 * A tool the model may call: name ({@code [a-z_]+}), what it does, and its input as a JSON Schema object (text).
 */
public record ToolSpec(String name, String description, String inputSchemaJson) {
}
