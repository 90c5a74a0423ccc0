package com.enreach.tools.core.internal.golden;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Manual overrides in manual_decisions (action 'override'). An override names its entity and, for when that entity
 * goes away (a merge or a rebuild gives the observations a new entity), the entity's observations as
 * {@code <source instance>/<source id>}: an override whose entity no longer exists moves to the entity that now holds
 * the first of them that still exists.
 */
final class Overrides {
    private static final String IN_FORCE = "action = 'override' AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)";

    private Overrides() {
    }

    /** The overrides in force for a chunk of entities, by entity then attribute (the newest of several wins). */
    static Map<Long, Map<String, ManualValue>> inForce(Connection c, String idsJson, String now) throws SQLException {
        Map<Long, Map<String, ManualValue>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, entity_id, attribute, value, created_at FROM manual_decisions WHERE "
                + IN_FORCE + " AND entity_id IN (SELECT value FROM " + Dialect.of(c).jsonIds() + ") ORDER BY id")) {
            ps.setString(1, now);
            ps.setString(2, idsJson);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ManualValue o = new ManualValue(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    out.computeIfAbsent(o.entityId(), k -> new HashMap<>()).put(o.attribute(), o);
                }
            }
        }
        return out;
    }

    /** Moves overrides in force whose entity is gone to the entity of their observations; returns the entities they joined. */
    static Set<Long> reanchor(Connection c, String now) throws SQLException {
        Map<Long, List<Object>> orphans = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, observations FROM manual_decisions WHERE " + IN_FORCE
                + " AND (entity_id IS NULL OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = manual_decisions.entity_id))")) {
            ps.setString(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orphans.put(rs.getLong(1), Json.readList(rs.getString(2)));
                }
            }
        }
        Set<Long> joined = new LinkedHashSet<>();
        if (orphans.isEmpty()) {
            return joined;
        }
        try (PreparedStatement find = c.prepareStatement("SELECT l.entity_id FROM devices d JOIN entity_links l ON l.device_id = d.id"
                + " WHERE d.source_instance = ? AND d.source_id = ?");
             PreparedStatement move = c.prepareStatement("UPDATE manual_decisions SET entity_id = ? WHERE id = ?")) {
            for (Map.Entry<Long, List<Object>> e : orphans.entrySet()) {
                Long entity = entityOf(find, e.getValue());
                if (entity != null) {
                    move.setLong(1, entity);
                    move.setLong(2, e.getKey());
                    move.executeUpdate();
                    joined.add(entity);
                }
            }
        }
        return joined;
    }

    private static Long entityOf(PreparedStatement find, List<Object> observations) throws SQLException {
        for (Object ob : observations) {
            String s = String.valueOf(ob);
            int slash = s.indexOf('/');
            if (slash <= 0) {
                continue;
            }
            find.setString(1, s.substring(0, slash));
            find.setString(2, s.substring(slash + 1));
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1);
                }
            }
        }
        return null;
    }

    /** Stores an override (withdrawing the one in force for the same attribute); returns its id. */
    static long insert(Connection c, long entityId, String attribute, String valueJson, String reason, String actor, String now,
                       String expiresAt) throws SQLException {
        revoke(c, entityId, attribute, actor, now);
        List<String> observations = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT d.source_instance, d.source_id FROM entity_links l JOIN devices d"
                + " ON d.id = l.device_id WHERE l.entity_id = ? ORDER BY d.id")) {
            ps.setLong(1, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    observations.add(rs.getString(1) + "/" + rs.getString(2));
                }
            }
        }
        // the new id asked for by name (with RETURN_GENERATED_KEYS pgjdbc returns every column)
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO manual_decisions (action, entity_id, observations, attribute, value,"
                + " reason, actor, created_at, expires_at) VALUES ('override', ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setLong(1, entityId);
            ps.setString(2, Json.write(observations));
            ps.setString(3, attribute);
            ps.setString(4, valueJson);
            ps.setString(5, reason);
            ps.setString(6, actor);
            ps.setString(7, now);
            ps.setString(8, expiresAt);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Withdraws the override of an attribute that is in force (or expired but never revoked); the number withdrawn. */
    static int revoke(Connection c, long entityId, String attribute, String actor, String now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE manual_decisions SET revoked_at = ?, revoked_by = ? WHERE action = 'override'"
                + " AND entity_id = ? AND attribute = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)")) {
            ps.setString(1, now);
            ps.setString(2, actor);
            ps.setLong(3, entityId);
            ps.setString(4, attribute);
            ps.setString(5, now);
            return ps.executeUpdate();
        }
    }

    /** Entities with an override that expired after {@code since} and up to {@code now} (their values must be chosen again). */
    static Set<Long> expiredBetween(Connection c, String since, String now) throws SQLException {
        Set<Long> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT entity_id FROM manual_decisions WHERE action = 'override'"
                + " AND revoked_at IS NULL AND entity_id IS NOT NULL AND expires_at > ? AND expires_at <= ?")) {
            ps.setString(1, since);
            ps.setString(2, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
