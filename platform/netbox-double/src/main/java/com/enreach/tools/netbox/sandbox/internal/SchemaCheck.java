package com.enreach.tools.netbox.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;

import java.util.List;

/** Validates one object of a request body against its kind's schema and words the errors as NetBox (DRF) does. */
final class SchemaCheck {
    private SchemaCheck() {
    }

    static FieldErrors check(KindDef kind, JsonNode body, boolean partial) {
        FieldErrors errors = new FieldErrors();
        if (!body.isObject()) {
            errors.add("non_field_errors", "Invalid data. Expected a dictionary, but got " + typeName(body) + ".");
            return errors;
        }
        List<Error> found = (partial ? kind.patchSchema() : kind.createSchema()).validate(body);
        for (Error e : found) {
            String field = e.getInstanceLocation().getNameCount() > 0 ? String.valueOf(e.getInstanceLocation().getElement(0)) : null;
            String keyword = e.getKeyword();
            if ("required".equals(keyword)) {
                errors.add(e.getProperty(), "This field is required.");
                continue;
            }
            if (field == null) {
                continue;
            }
            JsonNode value = e.getInstanceNode();
            JsonNode schema = e.getSchemaNode();
            switch (keyword == null ? "" : keyword) {
                case "type" -> errors.add(field, typeMessage(kind, field, value, schema));
                case "enum" -> errors.add(field, value == null || value.isNull() ? "This field may not be null."
                        : "\"" + value.asText() + "\" is not a valid choice.");
                case "maxLength" -> errors.add(field, "Ensure this field has no more than " + schema.asInt() + " characters.");
                case "minLength" -> errors.add(field, "This field may not be blank.");
                case "maximum" -> errors.add(field, "Ensure this value is less than or equal to " + schema.asText() + ".");
                case "exclusiveMaximum" -> errors.add(field, "Ensure this value is less than " + schema.asText() + ".");
                case "minimum" -> errors.add(field, "Ensure this value is greater than or equal to " + schema.asText() + ".");
                case "exclusiveMinimum" -> errors.add(field, "Ensure this value is greater than " + schema.asText() + ".");
                case "pattern" -> errors.add(field, field.equals("slug")
                        ? "Enter a valid \u201cslug\u201d consisting of letters, numbers, underscores or hyphens."
                        : "Enter a valid value.");
                case "minProperties" -> errors.add(field, "Related objects must be referenced by numeric ID or by dictionary of attributes. Received an unrecognized value: {}");
                default -> errors.add(field, e.getMessage());
            }
        }
        return errors;
    }

    private static String typeMessage(KindDef kind, String field, JsonNode value, JsonNode schema) {
        if (value == null || value.isNull()) {
            return "This field may not be null.";
        }
        if (kind.isReference(field)) {
            return "Related objects must be referenced by numeric ID or by dictionary of attributes. Received an unrecognized value: " + value.asText();
        }
        String expected = schema.isArray() ? schema.get(0).asText() : schema.asText();
        return switch (expected) {
            case "integer" -> "A valid integer is required.";
            case "number" -> "A valid number is required.";
            case "boolean" -> "Must be a valid boolean.";
            case "array" -> "Expected a list of items but got type \"" + typeName(value) + "\".";
            case "object" -> "Expected a dictionary of items but got type \"" + typeName(value) + "\".";
            default -> "Not a valid string.";
        };
    }

    private static String typeName(JsonNode v) {
        if (v.isTextual()) {
            return "str";
        }
        if (v.isIntegralNumber()) {
            return "int";
        }
        if (v.isNumber()) {
            return "float";
        }
        if (v.isBoolean()) {
            return "bool";
        }
        if (v.isArray()) {
            return "list";
        }
        return v.isObject() ? "dict" : "NoneType";
    }
}
