package com.enreach.tools.core.internal.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** JSON for metadata columns: keys sorted so equal content gives equal text (and equal hashes). */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    /** Keys in the order the value has them: for large documents that are stored, not compared or hashed. */
    private static final com.fasterxml.jackson.databind.ObjectWriter AS_IS = new ObjectMapper().writer();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not JSON-friendly: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * JSON with map keys in their own order: sorting copies every map into a tree map, which dominated writing the
     * NetBox objects of a 10k-object apply's history (ApplyBench). Only for text that is never compared or hashed.
     */
    public static String writeAsIs(Object value) {
        try {
            return AS_IS.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not JSON-friendly: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, Object> readMap(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Object> readList(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, LIST);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 64-bit FNV-1a of a text: cheap change detection, not security. */
    public static long hash(String text) {
        return new Fnv().add(text).value();
    }

    /**
     * {@link #write} of a map, written once: returns the same text, and feeds {@code hash} with the text {@link #write}
     * gives for the map without the {@code leftOut} keys (what a change-detection hash covers when some values are
     * volatile), without writing that second text.
     */
    public static String writeHashing(Map<String, ?> map, java.util.Set<String> leftOut, Fnv hash) {
        String[] keys = map.keySet().toArray(String[]::new);
        java.util.Arrays.sort(keys);
        StringBuilder out = BUFFER.get();
        out.setLength(0);
        out.append('{');
        hash.add('{');
        boolean firstHashed = true;
        for (int i = 0; i < keys.length; i++) {
            String k = keys[i];
            if (i > 0) {
                out.append(',');
            }
            int from = out.length();
            appendString(out, k);
            out.append(':');
            try {
                appendValue(out, map.get(k));
            } catch (com.fasterxml.jackson.databind.exc.InvalidDefinitionException e) {
                throw new IllegalArgumentException("'" + k + "' holds a " + (e.getType() == null ? "value" : e.getType().getRawClass().getName())
                        + ", which is not JSON (strings, numbers, booleans, lists and maps only)", e);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("value is not JSON-friendly: " + e.getOriginalMessage(), e);
            }
            if (!leftOut.contains(k)) {
                if (!firstHashed) {
                    hash.add(',');
                }
                hash.add(out, from, out.length());
                firstHashed = false;
            }
        }
        out.append('}');
        hash.add('}');
        String text = out.toString();
        if (out.capacity() > 1 << 16) {
            BUFFER.remove(); // a huge document once: do not keep its buffer
        }
        return text;
    }

    /** Each thread's buffer for {@link #writeHashing}: rows are built on the run's thread and on the common pool's. */
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(1024));

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * Appends a value as {@link #MAPPER} writes it (compact, map keys in natural order, Jackson's escapes): the common
     * types directly, anything else (sorted maps with their own order, maps with other keys, sets, other numbers,
     * dates...) through the mapper itself.
     */
    private static void appendValue(StringBuilder out, Object v) throws JsonProcessingException {
        if (v instanceof String s) {
            appendString(out, s);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.append(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (v == null) {
            out.append("null");
        } else if (v instanceof Map<?, ?> m && !(v instanceof java.util.SortedMap) && stringKeys(m)) {
            Object[] keys = m.keySet().toArray();
            java.util.Arrays.sort(keys);
            out.append('{');
            for (int i = 0; i < keys.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendString(out, (String) keys[i]);
                out.append(':');
                appendValue(out, m.get(keys[i]));
            }
            out.append('}');
        } else if (v instanceof List<?> l) {
            out.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendValue(out, l.get(i));
            }
            out.append(']');
        } else {
            out.append(MAPPER.writeValueAsString(v));
        }
    }

    private static boolean stringKeys(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String)) {
                return false;
            }
        }
        return true;
    }

    /** A JSON string as Jackson writes it: quote and backslash escaped, control characters as short escapes (b, t, n, f, r) or u00XX. */
    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, plain, s.length()).append('"');
    }

    /** 64-bit FNV-1a fed piece by piece: the same value as {@link #hash} of the concatenated pieces. */
    public static final class Fnv {
        private static final long PRIME = 0x100000001b3L;
        private long h = 0xcbf29ce484222325L;

        public Fnv add(CharSequence text) {
            return add(text, 0, text.length());
        }

        public Fnv add(CharSequence text, int from, int to) {
            long x = h;
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                x ^= c & 0xff;
                x *= PRIME;
                x ^= c >>> 8;
                x *= PRIME;
            }
            h = x;
            return this;
        }

        public Fnv add(char c) {
            h ^= c & 0xff;
            h *= PRIME;
            h ^= c >>> 8;
            h *= PRIME;
            return this;
        }

        public long value() {
            return h;
        }
    }
}
