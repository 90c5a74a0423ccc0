package com.enreach.tools.rest.internal;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

/**
 * OpenAPI 3.0 schemas of the API's JSON types, found by asking the API's own Jackson mapper how it serializes each
 * type (property names after snake_case, the types of record components and getters), so the schemas name exactly
 * what the API sends. Object types become {@code #/components/schemas/<Name>} entries; a generic one is named after
 * its type arguments too ({@code EnvelopeDevice}).
 */
final class OpenApiSchemas {
    private final ObjectMapper mapper;
    private final Map<String, Object> components = new TreeMap<>();

    OpenApiSchemas(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The components found so far, by name. */
    Map<String, Object> components() {
        return components;
    }

    /** Adds a component by hand (the error body, which is written as a map). */
    void put(String name, Map<String, Object> schema) {
        components.put(name, schema);
    }

    /** The schema of a Java type: inline for scalars, arrays and maps, a $ref for object types. */
    Map<String, Object> of(Type type) {
        return of(mapper.getTypeFactory().constructType(type));
    }

    private Map<String, Object> of(JavaType t) {
        Class<?> c = t.getRawClass();
        if (c == Object.class || c == Void.class || c == void.class) {
            return new LinkedHashMap<>();
        }
        if (c == String.class || c == Character.class || c == char.class || c == UUID.class || c == URI.class) {
            return type("string");
        }
        if (c == Boolean.class || c == boolean.class) {
            return type("boolean");
        }
        if (c == Integer.class || c == int.class || c == Short.class || c == short.class || c == Byte.class || c == byte.class) {
            return type("integer", "int32");
        }
        if (c == Long.class || c == long.class || c == BigInteger.class) {
            return type("integer", "int64");
        }
        if (Number.class.isAssignableFrom(c) || c == double.class || c == float.class || c == BigDecimal.class) {
            return type("number");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return type("string", "date-time");
        }
        if (c == LocalDate.class) {
            return type("string", "date");
        }
        if (c.isEnum()) {
            Map<String, Object> s = type("string");
            List<String> values = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                values.add(mapper.convertValue(constant, String.class));
            }
            s.put("enum", values);
            return s;
        }
        if (c == Optional.class) {
            Map<String, Object> s = new LinkedHashMap<>(of(t.containedTypeOrUnknown(0)));
            s.put("nullable", true);
            return s;
        }
        if (t.isArrayType() || t.isCollectionLikeType()) {
            Map<String, Object> s = type("array");
            s.put("items", of(t.getContentType()));
            return s;
        }
        if (t.isMapLikeType()) {
            Map<String, Object> s = type("object");
            s.put("additionalProperties", of(t.getContentType()));
            return s;
        }
        return Map.of("$ref", "#/components/schemas/" + bean(t));
    }

    /** Registers an object type's schema (once) and returns its component name. */
    private String bean(JavaType t) {
        StringBuilder name = new StringBuilder(t.getRawClass().getSimpleName());
        for (int i = 0; i < t.containedTypeCount(); i++) {
            name.append(t.containedType(i).getRawClass().getSimpleName());
        }
        String n = name.toString();
        if (components.containsKey(n)) {
            return n;
        }
        Map<String, Object> schema = type("object");
        components.put(n, schema); // before the properties: a type that refers to itself ends here
        Map<String, Object> props = new LinkedHashMap<>();
        BeanDescription d = mapper.getSerializationConfig().introspect(t);
        for (BeanPropertyDefinition p : d.findProperties()) {
            if (p.couldSerialize()) {
                props.put(p.getName(), of(p.getPrimaryType()));
            }
        }
        schema.put("properties", props);
        return n;
    }

    private static Map<String, Object> type(String type) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", type);
        return s;
    }

    private static Map<String, Object> type(String type, String format) {
        Map<String, Object> s = type(type);
        s.put("format", format);
        return s;
    }
}
