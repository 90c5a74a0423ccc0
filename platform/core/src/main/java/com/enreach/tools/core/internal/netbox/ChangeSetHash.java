package com.enreach.tools.core.internal.netbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.core.internal.db.Json;

/** The content hash of a change set: SHA-256 over each item's ref, action, body and before-hash, in item order. */
final class ChangeSetHash {
    private ChangeSetHash() {
    }

    static String of(List<ChangeItem> items) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (ChangeItem i : items) {
                // JSON with sorted keys: equal content, equal text; the separator keeps fields from running together
                String line = Json.write(List.of(i.ref(), i.action(), i.body() == null ? "" : i.body(),
                        i.beforeHash() == null ? "" : i.beforeHash())) + "\n";
                md.update(line.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    }
}
