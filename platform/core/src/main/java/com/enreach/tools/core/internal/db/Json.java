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
        StringBuilder out = new StringBuilder(64 + 32 * keys.length);
        try (com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(new Appending(out))) {
            g.writeStartObject();
            boolean first = true;
            hash.add('{');
            for (String k : keys) {
                g.flush();
                int from = out.length();
                g.writeFieldName(k);
                try {
                    writeValue(g, map.get(k));
                } catch (com.fasterxml.jackson.databind.exc.InvalidDefinitionException e) {
                    throw new IllegalArgumentException("'" + k + "' holds a " + (e.getType() == null ? "value" : e.getType().getRawClass().getName())
                            + ", which is not JSON (strings, numbers, booleans, lists and maps only)", e);
                }
                g.flush();
                if (!leftOut.contains(k)) {
                    // every entry but the first starts with the comma the generator put before it
                    int start = out.charAt(from) == ',' ? from + 1 : from;
                    if (!first) {
                        hash.add(',');
                    }
                    hash.add(out, start, out.length());
                    first = false;
                }
            }
            hash.add('}');
            g.writeEndObject();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not JSON-friendly: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("value is not JSON-friendly: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void writeValue(com.fasterxml.jackson.core.JsonGenerator g, Object v) throws IOException {
        // the common scalars directly (as their serializers write them); everything else through the mapper
        if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v == null) {
            g.writeNull();
        } else {
            MAPPER.writeValue(g, v);
        }
    }

    /** A writer into a StringBuilder (StringWriter's buffer is synchronized). */
    private static final class Appending extends java.io.Writer {
        private final StringBuilder out;

        Appending(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            out.append(buf, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            out.append(str, off, off + len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
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
