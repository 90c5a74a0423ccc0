package com.enreach.tools.core.internal.golden;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Reads what is stored for a chunk of entities and writes only what changed, with batched statements: upserts of
 * changed golden rows, deletes of attributes that lost every value, updates of entity rows whose derived columns moved.
 */
final class GoldenStore implements AutoCloseable {
    private static final String IN_CHUNK = " IN (SELECT value FROM json_each(?))";
    private static final String IN_CHUNK_POSTGRES = " IN (SELECT value FROM " + Dialect.POSTGRESQL.jsonIds() + ")";
    private final PreparedStatement upsert;
    private final PreparedStatement delete;
    private final PreparedStatement entity;
    private int rowsWritten;
    private int entitiesWritten;

    GoldenStore(Connection c) throws SQLException {
        upsert = c.prepareStatement("INSERT INTO entity_attributes (entity_id, attribute, value, device_id, source_system, source_instance,"
                + " seen_at, rule, alternatives, conflict) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (entity_id, attribute) DO UPDATE SET"
                + " value = excluded.value, device_id = excluded.device_id, source_system = excluded.source_system,"
                + " source_instance = excluded.source_instance, seen_at = excluded.seen_at, rule = excluded.rule,"
                + " alternatives = excluded.alternatives, conflict = excluded.conflict");
        delete = c.prepareStatement("DELETE FROM entity_attributes WHERE entity_id = ? AND attribute = ?");
        entity = c.prepareStatement("UPDATE entities SET name = ?, type = ?, status = ?, site = ?, sources = ?, source_count = ?,"
                + " observation_count = ?, conflict_count = ?, last_seen = ?, updated_at = ? WHERE id = ?");
    }

    static Map<Long, EntitySummary> entities(Connection c, String idsJson) throws SQLException {
        Map<Long, EntitySummary> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, type, status, site, sources, source_count, observation_count,"
                + " conflict_count, last_seen FROM entities WHERE id" + inChunk(c))) {
            ps.setString(1, idsJson);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new EntitySummary(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getString(10)));
                }
            }
        }
        return out;
    }

    static Map<Long, Map<String, GoldenRow>> rows(Connection c, String idsJson) throws SQLException {
        Map<Long, Map<String, GoldenRow>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entity_id, attribute, value, device_id, source_system, source_instance,"
                + " seen_at, rule, alternatives, conflict FROM entity_attributes WHERE entity_id" + inChunk(c))) {
            ps.setString(1, idsJson);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long device = rs.getLong(4);
                    GoldenRow r = new GoldenRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : device,
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10) != 0);
                    out.computeIfAbsent(r.entityId(), k -> new HashMap<>()).put(r.attribute(), r);
                }
            }
        }
        return out;
    }

    /** {@code IN} the ids of a JSON array bound as one parameter, on the connection's engine. */
    private static String inChunk(Connection c) throws SQLException {
        return Dialect.of(c).postgres() ? IN_CHUNK_POSTGRES : IN_CHUNK;
    }

    /** Open identity conflicts naming each entity of the chunk. */
    static Map<Long, Integer> identityConflicts(Connection c, String idsJson) throws SQLException {
        Map<Long, Integer> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(Dialect.of(c).postgres()
                ? "SELECT CAST(je.value AS bigint), count(*) FROM identity_conflicts ic, json_array_elements_text(CAST(ic.entity_ids AS json))"
                        + " AS je(value) WHERE ic.status = 'open' AND CAST(je.value AS bigint)" + IN_CHUNK_POSTGRES + " GROUP BY 1"
                : "SELECT CAST(je.value AS INTEGER), count(*) FROM identity_conflicts ic,"
                        + " json_each(ic.entity_ids) je WHERE ic.status = 'open' AND CAST(je.value AS INTEGER)" + IN_CHUNK + " GROUP BY 1")) {
            ps.setString(1, idsJson);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    /** Queues the writes that make the stored rows of one entity equal to {@code next}. */
    void diff(long entityId, Map<String, GoldenRow> stored, List<GoldenRow> next) throws SQLException {
        Map<String, GoldenRow> old = stored == null ? Map.of() : stored;
        for (GoldenRow r : next) {
            if (!r.equals(old.get(r.attribute()))) {
                upsert.setLong(1, r.entityId());
                upsert.setString(2, r.attribute());
                upsert.setString(3, r.value());
                upsert.setObject(4, r.deviceId());
                upsert.setString(5, r.sourceSystem());
                upsert.setString(6, r.sourceInstance());
                upsert.setString(7, r.seenAt());
                upsert.setString(8, r.rule());
                upsert.setString(9, r.alternatives());
                upsert.setInt(10, r.conflict() ? 1 : 0);
                upsert.addBatch();
                rowsWritten++;
            }
        }
        Set<String> kept = new HashSet<>();
        next.forEach(r -> kept.add(r.attribute()));
        for (String attribute : old.keySet()) {
            if (!kept.contains(attribute)) {
                delete.setLong(1, entityId);
                delete.setString(2, attribute);
                delete.addBatch();
                rowsWritten++;
            }
        }
    }

    /** Queues the entity row's update when its derived columns changed. */
    void entity(long entityId, EntitySummary stored, EntitySummary next, String now) throws SQLException {
        if (next.equals(stored)) {
            return;
        }
        entity.setString(1, next.name());
        entity.setString(2, next.type());
        entity.setString(3, next.status());
        entity.setString(4, next.site());
        entity.setString(5, next.sources());
        entity.setInt(6, next.sourceCount());
        entity.setInt(7, next.observationCount());
        entity.setInt(8, next.conflictCount());
        entity.setString(9, next.lastSeen());
        entity.setString(10, now);
        entity.setLong(11, entityId);
        entity.addBatch();
        entitiesWritten++;
    }

    void flush() throws SQLException {
        delete.executeBatch();
        upsert.executeBatch();
        entity.executeBatch();
    }

    int rowsWritten() {
        return rowsWritten;
    }

    int entitiesWritten() {
        return entitiesWritten;
    }

    @Override
    public void close() throws SQLException {
        try (upsert; delete; entity) {
            // closes all three
        }
    }
}
