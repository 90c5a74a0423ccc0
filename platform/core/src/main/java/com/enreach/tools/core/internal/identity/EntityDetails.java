package com.enreach.tools.core.internal.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.enreach.tools.api.Device;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityRelation;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.inventory.IdentityConflict;
import com.enreach.tools.api.inventory.ManualDecision;
import com.enreach.tools.api.inventory.Observation;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.golden.GoldenValues;
import com.enreach.tools.core.internal.query.Mapping;
import com.enreach.tools.core.internal.query.QuerySessions;
import com.enreach.tools.core.internal.sql.Dialect;

/** One entity with everything its observations carry (never anything matched by name). */
final class EntityDetails {
    /** The link to an observation in its source system, or null (see {@code ObjectLinks}). */
    interface Links {
        String urlOf(String sourceInstance, String kind, String sourceId, Map<String, Object> metadata);
    }

    private final EntityReads reads;
    private final QuerySessions sessions;
    private final Links links;

    EntityDetails(EntityReads reads, QuerySessions sessions, Links links) {
        this.reads = reads;
        this.sessions = sessions;
        this.links = links;
    }

    private record Head(Entity entity, List<GoldenValue> attributes, Map<Long, Object[]> links, List<EntityRelation> relations,
                        List<ManualDecision> decisions, List<IdentityConflict> conflicts) {
    }

    Optional<EntityDetail> get(long id) {
        Head head = reads.read(c -> head(c, id));
        if (head == null) {
            return Optional.empty();
        }
        List<Long> ids = new ArrayList<>(head.links().keySet());
        return Optional.of(sessions.read(m -> {
            List<Observation> observations = new ArrayList<>();
            for (var row : m.devicesByIds(ids)) {
                Object[] l = head.links().get(row.id);
                Device d = Mapping.device(row);
                observations.add(new Observation(d, (String) l[0], (Double) l[1], (String) l[2], Times.parse((String) l[3]),
                        links.urlOf(d.sourceInstance(), d.type(), d.sourceId(), d.metadata())));
            }
            return new EntityDetail(head.entity(), head.attributes(), observations, head.relations(),
                    m.interfaces(ids).stream().map(Mapping::iface).toList(),
                    m.ipAddresses(ids).stream().map(Mapping::ip).toList(),
                    m.facts(ids).stream().map(Mapping::facts).toList(),
                    m.configVersions(ids).stream().map(Mapping::config).toList(),
                    m.volumesOfDevices(ids).stream().map(Mapping::volume).toList(),
                    m.backupsOfDevices(ids).stream().map(Mapping::backup).toList(),
                    head.decisions(), head.conflicts());
        }));
    }

    private static Head head(Connection c, long id) throws SQLException {
        List<Entity> e = EntityReads.entities(c, "SELECT " + EntityReads.COLUMNS + " FROM entities e WHERE e.id = ?", List.of(id));
        if (e.isEmpty()) {
            return null;
        }
        Map<Long, Object[]> links = new HashMap<>();
        Set<String> refs = new HashSet<>();
        KeyExtractor.query(c, "SELECT l.device_id, l.rule, l.confidence, l.evidence, l.linked_at, d.source_instance, d.source_id FROM entity_links l"
                + " JOIN devices d ON d.id = l.device_id WHERE l.entity_id = ? ORDER BY l.device_id", List.of(id), rs -> {
                    links.put(rs.getLong(1), new Object[] {rs.getString(2), rs.getDouble(3), rs.getString(4), rs.getString(5)});
                    refs.add(Obs.ref(rs.getString(6), rs.getString(7)));
                });
        return new Head(e.get(0), attributes(c, id), links, relations(c, id, links.keySet()), decisions(c, id, refs), conflicts(c, links.keySet()));
    }

    /** Golden values as the golden records wrote them (empty until they have), in {@code Attributes.ALL} order. */
    private static List<GoldenValue> attributes(Connection c, long id) throws SQLException {
        Map<String, GoldenValue> byName = new HashMap<>();
        KeyExtractor.query(c, "SELECT " + GoldenValues.COLUMNS + " FROM entity_attributes ea WHERE ea.entity_id = ?", List.of(id),
                rs -> byName.put(rs.getString(1), GoldenValues.of(rs, 1)));
        List<GoldenValue> out = new ArrayList<>();
        for (String a : com.enreach.tools.api.inventory.Attributes.ALL) {
            GoldenValue v = byName.remove(a);
            if (v != null) {
                out.add(v);
            }
        }
        byName.keySet().stream().sorted().forEach(a -> out.add(byName.get(a)));
        return out;
    }

    /** Relationships of its observations, lifted to the entities on the other side (links within itself left out). */
    private static List<EntityRelation> relations(Connection c, long id, Set<Long> devices) throws SQLException {
        List<EntityRelation> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Long> ids = new ArrayList<>(devices);
        // one indexed look-up per side (an OR across both sides would scan every relationship)
        for (String[] side : new String[][] {{"from_device_id", "to_device_id", "out"}, {"to_device_id", "from_device_id", "in"}}) {
            for (List<Long> chunk : KeyExtractor.chunks(ids)) {
                List<Object> args = new ArrayList<>(chunk);
                args.add(id);
                KeyExtractor.query(c, "SELECT r.type, o.id, o.name, o.type, r.source_instance FROM device_relationships r"
                        + " JOIN entity_links l ON l.device_id = r." + side[1] + " JOIN entities o ON o.id = l.entity_id"
                        + " WHERE r." + side[0] + " IN " + KeyExtractor.in(chunk.size()) + " AND l.entity_id <> ? ORDER BY r.type, o.name LIMIT 1000",
                        args, rs -> {
                            EntityRelation r = new EntityRelation(rs.getString(1), side[2], rs.getLong(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5));
                            if (seen.add(r.type() + r.direction() + r.entityId() + r.sourceInstance())) {
                                out.add(r);
                            }
                        });
            }
        }
        return out;
    }

    /** Decisions about the entity or naming one of its observations, newest first. */
    private static List<ManualDecision> decisions(Connection c, long id, Set<String> refs) throws SQLException {
        List<ManualDecision> out = new ArrayList<>();
        KeyExtractor.query(c, "SELECT " + DecisionRows.COLUMNS + " FROM manual_decisions ORDER BY id DESC", List.of(), rs -> {
            ManualDecision d = DecisionRows.decision(rs);
            if (d.revokedAt() == null && (id == (d.entityId() == null ? -1 : d.entityId()) || d.observations().stream().anyMatch(refs::contains))) {
                out.add(d);
            }
        });
        return out;
    }

    /** Open conflicts naming one of its observations (filtered in SQL: parsing every open conflict's JSON cost tens of ms). */
    private static List<IdentityConflict> conflicts(Connection c, Set<Long> devices) throws SQLException {
        List<IdentityConflict> out = new ArrayList<>();
        List<Long> ids = new ArrayList<>(devices);
        if (ids.isEmpty()) {
            return out;
        }
        List<Long> some = ids.size() > KeyExtractor.CHUNK ? ids.subList(0, KeyExtractor.CHUNK) : ids;
        String named = Dialect.of(c).postgres()
                ? " AND EXISTS (SELECT 1 FROM json_array_elements_text(CAST(ic.device_ids AS json)) AS j(value) WHERE CAST(j.value AS bigint) IN "
                : " AND EXISTS (SELECT 1 FROM json_each(ic.device_ids) j WHERE j.value IN ";
        KeyExtractor.query(c, "SELECT " + DecisionRows.CONFLICT_COLUMNS + " FROM identity_conflicts ic WHERE ic.status = 'open'"
                + named + KeyExtractor.in(some.size()) + ") ORDER BY ic.id DESC",
                some, rs -> out.add(DecisionRows.conflict(rs)));
        return out;
    }
}
