package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.inventory.AttributeRule;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a field where NetBox and the golden value differ was edited in NetBox by hand: someone other than
 * the platform's NetBox user changed that field after the platform's last write of the object (NetBox's changelog;
 * without changelog entries for the object, its {@code last_updated} after the platform's last apply). The changelog
 * of a kind is read once, and only when some managed object of that kind differs.
 */
final class ConflictDetector {
    /** A hand edit of one field. */
    record Edit(String user, Instant at) {
    }

    private final NetBoxClient client;
    private final String platformUser;
    private final Instant lastApplied;
    private final List<NetBoxConflict> resolved;
    private final Map<String, Map<Long, List<Map<String, Object>>>> changelog = new HashMap<>();

    ConflictDetector(NetBoxClient client, String platformUser, Instant lastApplied, List<NetBoxConflict> resolved) {
        this.client = client;
        this.platformUser = platformUser;
        this.lastApplied = lastApplied;
        this.resolved = resolved;
    }

    /** The hand edit behind a differing field, or null (none, or one already resolved {@code use_golden}). */
    Edit edit(String kind, Map<String, Object> object, String field) {
        long id = ((Number) object.get("id")).longValue();
        List<Map<String, Object>> changes = changes(kind).getOrDefault(id, List.of());
        Edit found = null;
        if (changes.isEmpty()) {
            Instant updated = instant(object.get("last_updated"));
            if (updated != null && lastApplied != null && updated.isAfter(lastApplied)) {
                found = new Edit(null, updated);
            }
        } else {
            for (Map<String, Object> c : changes) { // oldest first
                String user = String.valueOf(c.get("user_name"));
                if (Objects.equals(user, platformUser)) {
                    found = null; // the platform wrote after any earlier edit
                } else if (touched(c, field)) {
                    found = new Edit(user, instant(c.get("time")));
                }
            }
        }
        if (found == null) {
            return null;
        }
        for (NetBoxConflict r : resolved) {
            if (NetBoxConflict.USE_GOLDEN.equals(r.resolution()) && kind.equals(r.objectType())
                    && Objects.equals(r.netboxId(), id) && field.equals(r.field())
                    && (r.changedAt() == null || found.at() == null || !found.at().isAfter(r.changedAt()))) {
                return null;
            }
        }
        return found;
    }

    private static boolean touched(Map<String, Object> change, String field) {
        Object pre = change.get("prechange_data") instanceof Map<?, ?> m ? m.get(field) : null;
        Object post = change.get("postchange_data") instanceof Map<?, ?> m ? m.get(field) : null;
        if ("create".equals(String.valueOf(NetBoxValues.comparable(change.get("action"))))) {
            return true;
        }
        return !NetBoxValues.same(pre, post);
    }

    private Map<Long, List<Map<String, Object>>> changes(String kind) {
        return changelog.computeIfAbsent(kind, k -> {
            Map<Long, List<Map<String, Object>>> byId = new HashMap<>();
            List<Map<String, Object>> all;
            try {
                all = client.objectChanges(null, k);
            } catch (NetBoxException e) {
                return byId; // no changelog: last_updated decides
            }
            for (Map<String, Object> c : all) {
                if (c.get("changed_object_id") instanceof Number n) {
                    byId.computeIfAbsent(n.longValue(), x -> new ArrayList<>()).add(c);
                }
            }
            byId.values().forEach(l -> l.sort((a, b) -> {
                Instant x = instant(a.get("time"));
                Instant y = instant(b.get("time"));
                return x == null || y == null ? 0 : x.compareTo(y);
            }));
            return byId;
        });
    }

    /**
     * The rule string and suggestion for a conflict on an attribute: {@code newest} suggests keep_netbox when the
     * NetBox edit is newer than the source's last sighting of the golden value; {@code priority} and {@code manual}
     * suggest use_golden.
     */
    static String[] suggest(AttributeRule rule, GoldenValue golden, Instant editedAt) {
        if (golden != null && "manual".equals(golden.rule())) {
            return new String[] {"manual", NetBoxConflict.USE_GOLDEN};
        }
        if (rule != null && "newest".equals(rule.strategy())) {
            Instant seen = golden == null || golden.source() == null ? null : golden.source().seenAt();
            boolean netboxNewer = editedAt != null && (seen == null || editedAt.isAfter(seen));
            return new String[] {"newest", netboxNewer ? NetBoxConflict.KEEP_NETBOX : NetBoxConflict.USE_GOLDEN};
        }
        String p = rule == null ? "" : String.join(",", rule.priority());
        return new String[] {"priority:" + p, NetBoxConflict.USE_GOLDEN};
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(String.valueOf(o)).toInstant();
        } catch (RuntimeException e) {
            try {
                return Instant.parse(String.valueOf(o));
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}
