package com.enreach.tools.core.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityDetail;
import com.enreach.tools.api.inventory.EntityLookup;
import com.enreach.tools.api.inventory.EntityQuery;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.IdentityConflict;
import com.enreach.tools.api.inventory.ManualDecision;
import com.enreach.tools.api.inventory.RebuildResult;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;
import com.enreach.tools.core.internal.query.QuerySessions;
import com.enreach.tools.core.internal.search.FtsSearch;
import com.enreach.tools.core.internal.sync.ObjectLinks;

/** Entities: reads on the read pool; merges, splits and rebuilds through identity resolution's write path. */
@Component(service = EntityService.class)
public class EntityServiceImpl implements EntityService {
    static final int MAX_PAGE = 1000;
    private final IdentityResolution resolution;
    private final EntityReads reads;
    private final EntityDetails details;

    @Activate
    public EntityServiceImpl(@Reference Database db, @Reference IdentityResolution resolution, @Reference ObjectLinks links) {
        this.resolution = resolution;
        this.reads = new EntityReads(db, new FtsSearch());
        this.details = new EntityDetails(reads, new QuerySessions(db), links::urlOf);
    }

    @Override
    public Page<Entity> find(EntityQuery query) {
        return reads.find(query);
    }

    @Override
    public Optional<EntityDetail> get(long id) {
        return details.get(id);
    }

    @Override
    public EntityLookup lookup(String query) {
        return reads.lookup(query);
    }

    @Override
    public Entity merge(List<Long> entityIds, String reason, String actor) {
        Set<Long> ids = new TreeSet<>(entityIds == null ? List.of() : entityIds);
        if (ids.size() < 2) {
            throw ApiException.invalid("entity_ids", "a merge needs at least two different entity ids, got " + ids);
        }
        String who = actor(actor);
        long target = ids.iterator().next();
        resolution.decide(c -> {
            Map<Long, String> members = new LinkedHashMap<>();
            for (long id : ids) {
                Map<Long, String> m = members(c, id);
                if (m == null) {
                    throw ApiException.notFound("Entity", Long.toString(id));
                }
                members.putAll(m);
            }
            DecisionStore.record(c, "merge", target, members.values(), List.of(), reason, who);
            return new IdentityResolution.Decided<>(null, members.keySet(), Set.of());
        });
        return entity(target);
    }

    @Override
    public Entity split(long entityId, List<Long> deviceIds, String reason, String actor) {
        Set<Long> moved = new TreeSet<>(deviceIds == null ? List.of() : deviceIds);
        if (moved.isEmpty()) {
            throw ApiException.invalid("device_ids", "a split needs the ids of the observations (devices) to move out");
        }
        String who = actor(actor);
        long first = moved.iterator().next();
        resolution.decide(c -> {
            Map<Long, String> members = members(c, entityId);
            if (members == null) {
                throw ApiException.notFound("Entity", Long.toString(entityId));
            }
            List<Long> foreign = moved.stream().filter(id -> !members.containsKey(id)).toList();
            if (!foreign.isEmpty()) {
                throw ApiException.invalid("device_ids", "devices " + foreign + " are not observations of entity " + entityId);
            }
            if (moved.size() == members.size()) {
                throw ApiException.invalid("device_ids", "moving every observation out would leave entity " + entityId + " empty");
            }
            List<String> out = new ArrayList<>();
            List<String> rest = new ArrayList<>();
            Set<Long> stayers = new HashSet<>();
            members.forEach((id, ref) -> {
                if (moved.contains(id)) {
                    out.add(ref);
                } else {
                    rest.add(ref);
                    stayers.add(id);
                }
            });
            DecisionStore.record(c, "split", entityId, out, rest, reason, who);
            return new IdentityResolution.Decided<>(null, members.keySet(), stayers);
        });
        long newId = reads.read(c -> EntityReads.count(c, "SELECT entity_id FROM entity_links WHERE device_id = ?", List.of(first)));
        return entity(newId);
    }

    @Override
    public void revokeDecision(long decisionId, String actor) {
        String who = actor(actor);
        resolution.decide(c -> {
            ManualDecision d = decision(c, decisionId);
            if (d == null) {
                throw ApiException.notFound("Decision", Long.toString(decisionId));
            }
            if (!d.action().equals("merge") && !d.action().equals("split")) {
                throw ApiException.invalid("id", "decision " + decisionId + " is an attribute override; withdraw it through its entity's overrides");
            }
            if (d.revokedAt() != null) {
                throw new ApiException(ApiException.Reason.CONFLICT, "already_revoked", null, "decision " + decisionId + " was already revoked", null);
            }
            Set<Long> affected = new HashSet<>();
            for (DecisionStore.Decision a : DecisionStore.active(c)) {
                if (a.id() == decisionId) {
                    affected.addAll(a.ids());
                    affected.addAll(a.apartIds());
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE manual_decisions SET revoked_at = ?, revoked_by = ? WHERE id = ?")) {
                ps.setString(1, Times.format(Times.now()));
                ps.setString(2, who);
                ps.setLong(3, decisionId);
                ps.executeUpdate();
            }
            return new IdentityResolution.Decided<>(null, affected, Set.of());
        });
    }

    @Override
    public Page<ManualDecision> decisions(int limit, int offset) {
        page(limit, offset);
        return reads.read(c -> {
            List<ManualDecision> out = new ArrayList<>();
            KeyExtractor.query(c, "SELECT " + DecisionRows.COLUMNS + " FROM manual_decisions ORDER BY id DESC LIMIT ? OFFSET ?", List.of(limit, offset),
                    rs -> out.add(DecisionRows.decision(rs)));
            return new Page<>(EntityReads.count(c, "SELECT count(*) FROM manual_decisions", List.of()), limit, offset, out);
        });
    }

    @Override
    public Page<IdentityConflict> identityConflicts(boolean openOnly, int limit, int offset) {
        page(limit, offset);
        String where = openOnly ? " WHERE status = 'open'" : "";
        return reads.read(c -> {
            List<IdentityConflict> out = new ArrayList<>();
            KeyExtractor.query(c, "SELECT " + DecisionRows.CONFLICT_COLUMNS + " FROM identity_conflicts" + where + " ORDER BY id DESC LIMIT ? OFFSET ?",
                    List.of(limit, offset), rs -> out.add(DecisionRows.conflict(rs)));
            return new Page<>(EntityReads.count(c, "SELECT count(*) FROM identity_conflicts" + where, List.of()), limit, offset, out);
        });
    }

    @Override
    public RebuildResult rebuild() {
        return resolution.rebuild();
    }

    private Entity entity(long id) {
        return reads.read(c -> EntityReads.entities(c, "SELECT " + EntityReads.COLUMNS + " FROM entities e WHERE e.id = ?", List.of(id)))
                .stream().findFirst().orElseThrow(() -> ApiException.notFound("Entity", Long.toString(id)));
    }

    /** device id -> observation name of an entity's observations, or null when there is no such entity. */
    private static Map<Long, String> members(Connection c, long entityId) throws SQLException {
        if (EntityReads.count(c, "SELECT count(*) FROM entities WHERE id = ?", List.of(entityId)) == 0) {
            return null;
        }
        Map<Long, String> out = new LinkedHashMap<>();
        KeyExtractor.query(c, "SELECT d.id, d.source_instance, d.source_id FROM entity_links l JOIN devices d ON d.id = l.device_id WHERE l.entity_id = ?"
                + " ORDER BY d.id", List.of(entityId), rs -> out.put(rs.getLong(1), Obs.ref(rs.getString(2), rs.getString(3))));
        return out;
    }

    private static ManualDecision decision(Connection c, long id) throws SQLException {
        ManualDecision[] d = {null};
        KeyExtractor.query(c, "SELECT " + DecisionRows.COLUMNS + " FROM manual_decisions WHERE id = ?", List.of(id), rs -> d[0] = DecisionRows.decision(rs));
        return d[0];
    }

    private static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw ApiException.invalid("actor", "a manual decision needs the name of who made it");
        }
        return actor.trim();
    }

    private static void page(int limit, int offset) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
        if (offset < 0) {
            throw ApiException.invalid("offset", "offset must be 0 or more, got " + offset);
        }
    }
}
