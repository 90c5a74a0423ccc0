package com.enreach.tools.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * {@link Json#writeHashing} writes metadata without Jackson's generator for the common types; its text and hash must
 * be exactly what {@link Json#write} gives (stored rows and hashes of older releases depend on it), for every value a
 * source may send: control characters, quotes, Unicode, surrogates, nested maps and lists, numbers of every kind,
 * sorted maps with their own order, maps with non-text keys, sets.
 */
class JsonCanonicalTest {
    private final Random random = new Random(20261203);

    @Test
    void writesWhatTheMapperWritesAndHashesWhatItWouldHash() {
        for (int round = 0; round < 3000; round++) {
            Map<String, Object> map = map(0);
            Set<String> leftOut = new HashSet<>();
            for (String k : map.keySet()) {
                if (random.nextInt(4) == 0) {
                    leftOut.add(k);
                }
            }
            Json.Fnv hash = new Json.Fnv();
            String text = Json.writeHashing(map, leftOut, hash);
            assertEquals(Json.write(map), text, "round " + round);
            Map<String, Object> kept = new LinkedHashMap<>(map);
            kept.keySet().removeAll(leftOut);
            assertEquals(Json.hash(Json.write(kept)), hash.value(), "round " + round + ": hash without " + leftOut);
        }
    }

    private Map<String, Object> map(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = random.nextInt(depth == 0 ? 12 : 5);
        for (int i = 0; i < n; i++) {
            m.put(string(), value(depth));
        }
        return m;
    }

    private Object value(int depth) {
        int kind = random.nextInt(depth > 2 ? 9 : 14);
        return switch (kind) {
            case 0, 1, 2 -> string();
            case 3 -> random.nextInt();
            case 4 -> random.nextLong();
            case 5 -> random.nextBoolean();
            case 6 -> null;
            case 7 -> random.nextBoolean() ? random.nextDouble() * 1e6 : (double) random.nextInt(100);
            case 8 -> random.nextInt(5) == 0 ? new BigDecimal("1e400") : (short) random.nextInt(1000);
            case 9 -> map(depth + 1);
            case 10 -> list(depth + 1);
            case 11 -> {
                TreeMap<String, Object> reversed = new TreeMap<>(Collections.reverseOrder());
                reversed.putAll(map(depth + 1));
                yield reversed;
            }
            case 12 -> Map.of(random.nextInt(50), string(), 1000 + random.nextInt(50), "x");
            default -> new java.util.TreeSet<>(List.of(string(), string()));
        };
    }

    private List<Object> list(int depth) {
        List<Object> l = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            l.add(value(depth));
        }
        return l;
    }

    private String string() {
        StringBuilder b = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int pick = random.nextInt(10);
            b.append(switch (pick) {
                case 0 -> (char) random.nextInt(0x20);   // control characters
                case 1 -> "\"\\/".charAt(random.nextInt(3));
                case 2 -> (char) (0x7f + random.nextInt(0x30));
                case 3 -> "äöüßé€☃Ωжд中文".charAt(random.nextInt(12));
                case 4 -> "\uD83D\uDE00";              // a surrogate pair
                case 5 -> (char) (0xD800 + random.nextInt(0x800)); // a lone surrogate
                default -> (char) ('a' + random.nextInt(26));
            });
        }
        return b.toString();
    }
}
