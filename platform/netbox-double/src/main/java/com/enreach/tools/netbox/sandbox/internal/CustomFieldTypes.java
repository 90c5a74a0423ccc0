package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** Values of custom fields checked against their type, with NetBox's messages. */
final class CustomFieldTypes {
    private CustomFieldTypes() {
    }

    /** What is wrong with the value for a custom field of that type, or null. Null values are always accepted. */
    static String problem(String type, JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        return switch (type) {
            case "integer", "object" -> v.isIntegralNumber() ? null : "Value must be an integer.";
            case "decimal" -> v.isNumber() ? null : "Value must be a decimal.";
            case "boolean" -> v.isBoolean() ? null : "Value must be true or false.";
            case "date" -> v.isTextual() && v.asText().matches("\\d{4}-\\d{2}-\\d{2}") ? null : "Date values must be in ISO 8601 format (YYYY-MM-DD).";
            case "datetime" -> v.isTextual() ? null : "Date and time values must be in ISO 8601 format (YYYY-MM-DD HH:MM:SS).";
            case "multiselect", "multiobject" -> v.isArray() ? null : "Value must be a list.";
            case "json" -> null;
            default -> v.isTextual() ? null : "Value must be a string.";
        };
    }
}
