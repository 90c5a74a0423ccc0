package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.netbox.writer.mapping.OwnedFields;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two hashes of a change set. The apply's drift check recomputes {@link #beforeHash} on NetBox's object just
 * before writing and compares it with {@link ChangeItem#beforeHash()}.
 */
public final class Hashes {
    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private Hashes() {
    }

    /**
     * SHA-256 (hex) over the owned fields ({@link OwnedFields}) of a NetBox object as NetBox answers it, nested
     * objects reduced to their id and choices to their value, so that a change of any field the platform writes
     * (and only those) changes it. For supporting kinds (no owned fields) it hashes the id only.
     */
    public static String beforeHash(String kind, Map<String, Object> netboxObject) {
        Map<String, Object> canon = new TreeMap<>();
        canon.put("id", NetBoxValues.comparable(netboxObject.get("id")));
        for (String f : OwnedFields.of(kind)) {
            canon.put(f, NetBoxValues.comparable(netboxObject.get(f)));
        }
        return sha256(json(canon));
    }

    /**
     * The before-hash of an item's object as NetBox holds it now: what the apply's drift check compares with
     * {@link ChangeItem#beforeHash()} ({@code new DriftCheck(Hashes::beforeHash)}).
     */
    public static String beforeHash(ChangeItem item, Map<String, Object> netboxObject) {
        return beforeHash(item.objectType(), netboxObject);
    }

    /** SHA-256 (hex) over the items' refs, actions, bodies and before-hashes, in their order. */
    public static String contentHash(List<ChangeItem> items) {
        StringBuilder sb = new StringBuilder();
        for (ChangeItem i : items) {
            sb.append(i.ref()).append('\n').append(i.action()).append('\n')
                    .append(i.body() == null ? "null" : json(i.body())).append('\n')
                    .append(i.beforeHash() == null ? "" : i.beforeHash()).append('\n');
        }
        return sha256(sb.toString());
    }

    static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + o, e);
        }
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
