package com.enreach.tools.netbox.writer.apply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The drift check's hash of a NetBox object over the fields the platform writes. NetBox answers references as nested
 * objects and choices as {@code {value, label}}; both are reduced to what is written (the id, the value), so the
 * hash of an object read back equals the hash of the same state however NetBox rendered it.
 */
public final class BeforeHash {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private BeforeHash() {
    }

    /** SHA-256 of the named top-level fields of {@code object} ({@code custom_fields.x} counts as {@code custom_fields}). */
    public static String of(Map<String, Object> object, Collection<String> fields) {
        Map<String, Object> picked = new TreeMap<>();
        for (String f : new TreeSet<>(fields)) {
            String top = f.contains(".") ? f.substring(0, f.indexOf('.')) : f;
            picked.put(top, normalize(object == null ? null : object.get(top)));
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(picked).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash a NetBox object: " + e.getMessage(), e);
        }
    }

    /** A NetBox value as it would be written: nested objects → id, choices → value, lists element-wise. */
    @SuppressWarnings("unchecked")
    public static Object normalize(Object v) {
        if (v instanceof Map<?, ?> m) {
            if (m.containsKey("id")) {
                return ((Number) m.get("id")).longValue();
            }
            if (m.containsKey("value") && m.containsKey("label")) {
                return m.get("value");
            }
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, x) -> out.put(k, normalize(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(normalize(x)));
            return out;
        }
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
            return n.longValue();
        }
        return v;
    }
}
