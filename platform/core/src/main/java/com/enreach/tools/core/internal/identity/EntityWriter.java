package com.enreach.tools.core.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * Writes a resolution: entity ids (kept by the part of an entity that holds most of its observations; a merge keeps
 * the lowest), entity_links with rule, confidence and evidence, removed entities, and identity conflicts.
 */
final class EntityWriter {
    /** A stored link. */
    record Link(long entityId, String rule, double confidence, String evidence, String linkedAt) {
    }

    /** What a write changed. */
    record Outcome(Set<Long> touched, long created, long removed) {
    }

    private EntityWriter() {
    }

    /** The links of these observations (all when ids is null). */
    static Map<Long, Link> links(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, Link> out = new HashMap<>();
        String sql = "SELECT device_id, entity_id, rule, confidence, evidence, linked_at FROM entity_links";
        KeyExtractor.RowHandler h = rs -> out.put(rs.getLong(1), new Link(rs.getLong(2), rs.getString(3), rs.getDouble(4), rs.getString(5), rs.getString(6)));
        if (ids == null) {
            KeyExtractor.query(c, sql, List.of(), h);
        } else {
            for (List<Long> chunk : KeyExtractor.chunks(ids)) {
                KeyExtractor.query(c, sql + " WHERE device_id IN " + KeyExtractor.in(chunk.size()), chunk, h);
            }
        }
        return out;
    }

    /**
     * Stores the clusters of the observations in {@code component}; every current member of an entity touched here
     * must be in the component (so an entity id handed out here is not still used outside it).
     *
     * @param component the observations resolved; null for all of them (a rebuild: every open conflict is reviewed)
     */
    static Outcome write(Connection c, List<Clusterer.Cluster> clusters, List<Clusterer.Conflict> conflicts, Map<Long, Link> old,
                         Set<Long> component) throws SQLException {
        return write(c, clusters, conflicts, old, component, Set.of());
    }

    /** @param stayers observations whose part of their old entity keeps its id whatever the counts (the part a split leaves) */
    static Outcome write(Connection c, List<Clusterer.Cluster> clusters, List<Clusterer.Conflict> conflicts, Map<Long, Link> old,
                         Set<Long> component, Set<Long> stayers) throws SQLException {
        String now = Times.format(Times.now());
        // each old entity goes to the cluster holding most of its observations (ties: the cluster listed first)
        Map<Long, Map<Integer, Integer>> votes = new HashMap<>();
        for (int i = 0; i < clusters.size(); i++) {
            for (Obs o : clusters.get(i).members()) {
                Link l = old.get(o.id);
                if (l != null) {
                    votes.computeIfAbsent(l.entityId(), e -> new HashMap<>()).merge(i, stayers.contains(o.id) ? 1_000_000 : 1, Integer::sum);
                }
            }
        }
        Map<Integer, TreeSet<Long>> claims = new HashMap<>();
        votes.forEach((entity, byCluster) -> {
            int best = -1;
            int bestVotes = 0;
            for (Map.Entry<Integer, Integer> e : new java.util.TreeMap<>(byCluster).entrySet()) {
                if (e.getValue() > bestVotes) {
                    best = e.getKey();
                    bestVotes = e.getValue();
                }
            }
            claims.computeIfAbsent(best, x -> new TreeSet<>()).add(entity);
        });
        Set<Long> touched = new HashSet<>();
        Set<Long> removed = new HashSet<>(votes.keySet());
        long created = 0;
        Map<Long, Long> entityOf = new HashMap<>();
        // the new id asked for by name (with RETURN_GENERATED_KEYS pgjdbc returns every column)
        try (PreparedStatement insertEntity = c.prepareStatement("INSERT INTO entities (name, type, status, sources, source_count, observation_count,"
                + " created_at, updated_at) VALUES (?, ?, 'active', '[]', 0, 0, ?, ?)", new String[] {"id"});
             PreparedStatement upsertLink = c.prepareStatement("INSERT INTO entity_links (device_id, entity_id, rule, confidence, evidence,"
                     + " linked_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET entity_id = excluded.entity_id, rule = excluded.rule,"
                     + " confidence = excluded.confidence, evidence = excluded.evidence, linked_at = excluded.linked_at")) {
            for (int i = 0; i < clusters.size(); i++) {
                Clusterer.Cluster cl = clusters.get(i);
                TreeSet<Long> claimed = claims.get(i);
                long entityId;
                if (claimed != null) {
                    entityId = claimed.first();
                    removed.remove(entityId);
                } else {
                    Obs anchor = cl.members().get(0);
                    insertEntity.setString(1, anchor.name);
                    insertEntity.setString(2, anchor.type);
                    insertEntity.setString(3, now);
                    insertEntity.setString(4, now);
                    insertEntity.executeUpdate();
                    try (ResultSet rs = insertEntity.getGeneratedKeys()) {
                        rs.next();
                        entityId = rs.getLong(1);
                    }
                    created++;
                    touched.add(entityId);
                }
                for (Obs o : cl.members()) {
                    entityOf.put(o.id, entityId);
                    String rule = cl.rules().get(o.id);
                    String evidence = cl.evidence().get(o.id);
                    double confidence = Keys.confidence(rule);
                    Link l = old.get(o.id);
                    if (l != null && l.entityId() == entityId && l.rule().equals(rule) && java.util.Objects.equals(l.evidence(), evidence)) {
                        continue;
                    }
                    boolean moved = l == null || l.entityId() != entityId;
                    touched.add(entityId);
                    if (l != null) {
                        touched.add(l.entityId());
                    }
                    upsertLink.setLong(1, o.id);
                    upsertLink.setLong(2, entityId);
                    upsertLink.setString(3, rule);
                    upsertLink.setDouble(4, confidence);
                    upsertLink.setString(5, evidence);
                    upsertLink.setString(6, moved ? now : l.linkedAt());
                    upsertLink.addBatch();
                }
            }
            upsertLink.executeBatch();
        }
        if (!removed.isEmpty()) {
            for (List<Long> chunk : KeyExtractor.chunks(removed)) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM entities WHERE id IN " + KeyExtractor.in(chunk.size())
                        + " AND NOT EXISTS (SELECT 1 FROM entity_links l WHERE l.entity_id = entities.id)")) {
                    KeyExtractor.bind(ps, chunk);
                    ps.executeUpdate();
                }
            }
            touched.addAll(removed);
        }
        touched.addAll(writeConflicts(c, conflicts, entityOf, component, now));
        return new Outcome(touched, created, removed.size());
    }

    /** Keeps conflicts still found, resolves those no longer found, opens new ones; returns the entities whose conflicts changed. */
    private static Set<Long> writeConflicts(Connection c, List<Clusterer.Conflict> found, Map<Long, Long> entityOf, Set<Long> component,
                                            String now) throws SQLException {
        Set<Long> touched = new HashSet<>();
        Map<String, long[]> open = new HashMap<>(); // signature -> {id}
        Map<String, String> openEntities = new HashMap<>();
        String sql = "SELECT id, kind, key, device_ids, entity_ids FROM identity_conflicts ic WHERE status = 'open'";
        KeyExtractor.RowHandler h = rs -> {
            String sig = rs.getString(2) + '\0' + rs.getString(3) + '\0' + longs(rs.getString(4));
            open.put(sig, new long[] {rs.getLong(1)});
            openEntities.put(sig, rs.getString(5));
        };
        if (component == null) {
            KeyExtractor.query(c, sql, List.of(), h);
        } else {
            // the component's conflicts, filtered in SQL rather than parsing every open conflict
            String devices = Dialect.of(c).postgres()
                    ? " AND EXISTS (SELECT 1 FROM json_array_elements_text(CAST(ic.device_ids AS json)) AS j(value) WHERE CAST(j.value AS bigint) IN "
                    : " AND EXISTS (SELECT 1 FROM json_each(ic.device_ids) j WHERE j.value IN ";
            for (List<Long> chunk : KeyExtractor.chunks(component)) {
                KeyExtractor.query(c, sql + devices + KeyExtractor.in(chunk.size()) + ")", chunk, h);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO identity_conflicts (kind, key, detail, entity_ids, device_ids, status, created_at)"
                + " VALUES (?, ?, ?, ?, ?, 'open', ?)");
             PreparedStatement update = c.prepareStatement("UPDATE identity_conflicts SET entity_ids = ?, detail = ? WHERE id = ?")) {
            for (Clusterer.Conflict f : found) {
                List<Long> devices = f.deviceIds();
                TreeSet<Long> entities = new TreeSet<>();
                devices.forEach(d -> {
                    Long e = entityOf.get(d);
                    if (e != null) {
                        entities.add(e);
                    }
                });
                String sig = f.kind() + '\0' + f.key() + '\0' + devices;
                String entityJson = Json.write(List.copyOf(entities));
                long[] existing = open.remove(sig);
                if (existing != null) {
                    if (!entityJson.equals(openEntities.get(sig))) {
                        touched.addAll(entities);
                        longs(openEntities.get(sig)).forEach(touched::add);
                        update.setString(1, entityJson);
                        update.setString(2, f.detail());
                        update.setLong(3, existing[0]);
                        update.executeUpdate();
                    }
                    continue;
                }
                touched.addAll(entities);
                insert.setString(1, f.kind());
                insert.setString(2, f.key());
                insert.setString(3, f.detail());
                insert.setString(4, entityJson);
                insert.setString(5, Json.write(devices));
                insert.setString(6, now);
                insert.executeUpdate();
            }
        }
        if (!open.isEmpty()) {
            open.keySet().forEach(sig -> longs(openEntities.get(sig)).forEach(touched::add));
            try (PreparedStatement ps = c.prepareStatement("UPDATE identity_conflicts SET status = 'resolved', resolved_at = ? WHERE id = ?")) {
                for (long[] id : open.values()) {
                    ps.setString(1, now);
                    ps.setLong(2, id[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        return touched;
    }

    static List<Long> longs(String json) {
        List<Long> out = new ArrayList<>();
        Json.readList(json).forEach(o -> out.add(((Number) o).longValue()));
        return out;
    }
}
