package com.enreach.tools.core.internal.golden;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.inventory.AttributeConflict;
import com.enreach.tools.api.inventory.ConflictQuery;
import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.api.inventory.ResolutionRules;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;

/** Attribute conflicts (read through the partial index on conflict = 1), manual overrides and the rules in force. */
@Component(service = ConflictService.class)
public class GoldenConflicts implements ConflictService {
    static final int DEFAULT_LIMIT = 50;
    private static final Logger LOG = LoggerFactory.getLogger(GoldenConflicts.class);
    private static final String SOURCE_MATCH = " AND (ea.source_instance = ? OR ea.source_system = ? OR EXISTS (SELECT 1 FROM"
            + " json_each(ea.alternatives) a WHERE json_extract(a.value, '$.source_instance') = ?"
            + " OR json_extract(a.value, '$.source_system') = ?))";
    /** The same on PostgreSQL: the alternatives' JSON objects as json, their fields by ->>. */
    private static final String SOURCE_MATCH_POSTGRES = " AND (ea.source_instance = ? OR ea.source_system = ? OR EXISTS (SELECT 1 FROM"
            + " json_array_elements(CAST(ea.alternatives AS json)) a WHERE a.value ->> 'source_instance' = ?"
            + " OR a.value ->> 'source_system' = ?))";

    private final Database db;
    private final GoldenRefresher refresher;

    @Activate
    public GoldenConflicts(@Reference Database db, @Reference GoldenRefresher refresher) {
        this.db = Objects.requireNonNull(db, "db is null");
        this.refresher = Objects.requireNonNull(refresher, "refresher is null");
    }

    @Override
    public Page<AttributeConflict> find(ConflictQuery q) {
        int limit = q.limit() == 0 ? DEFAULT_LIMIT : q.limit();
        if (limit < 1 || limit > ConflictQuery.MAX_LIMIT) {
            throw ApiException.invalid("limit", "limit must be between 1 and " + ConflictQuery.MAX_LIMIT + ", got " + q.limit());
        }
        if (q.offset() < 0) {
            throw ApiException.invalid("offset", "offset must be 0 or more, got " + q.offset());
        }
        if (q.attribute() != null) {
            OverrideValues.checkAttribute(q.attribute());
        }
        StringBuilder where = new StringBuilder(" FROM entity_attributes ea JOIN entities e ON e.id = ea.entity_id WHERE ea.conflict = 1");
        List<Object> args = new ArrayList<>();
        if (q.attribute() != null) {
            where.append(" AND ea.attribute = ?");
            args.add(q.attribute());
        }
        if (q.entityType() != null) {
            where.append(" AND e.type = ?");
            args.add(q.entityType());
        }
        if (q.entityId() != null) {
            where.append(" AND ea.entity_id = ?");
            args.add(q.entityId());
        }
        boolean postgres = db.dialect().postgres();
        if (q.source() != null) {
            where.append(postgres ? SOURCE_MATCH_POSTGRES : SOURCE_MATCH);
            for (int i = 0; i < 4; i++) {
                args.add(q.source());
            }
        }
        return db.read(c -> {
            long count;
            try (PreparedStatement ps = prepare(c, "SELECT count(*)" + where, args)) {
                try (ResultSet rs = ps.executeQuery()) {
                    count = rs.next() ? rs.getLong(1) : 0;
                }
            }
            List<AttributeConflict> results = new ArrayList<>();
            List<Object> paged = new ArrayList<>(args);
            paged.add(limit);
            paged.add(q.offset());
            try (PreparedStatement ps = prepare(c, "SELECT ea.entity_id, e.name, e.type, " + GoldenValues.COLUMNS + where
                    + " ORDER BY " + db.dialect().nocase("e.name") + ", e.id, ea.attribute LIMIT ? OFFSET ?", paged)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        GoldenValue chosen = GoldenValues.of(rs, 4);
                        List<GoldenValue.Alternative> candidates = new ArrayList<>();
                        candidates.add(new GoldenValue.Alternative(chosen.value(), chosen.source()));
                        candidates.addAll(chosen.alternatives());
                        results.add(new AttributeConflict(rs.getLong(1), rs.getString(2), rs.getString(3), chosen.attribute(), chosen, candidates));
                    }
                }
            }
            return new Page<>(count, limit, q.offset(), results);
        });
    }

    @Override
    public GoldenValue override(long entityId, String attribute, Object value, String reason, Instant expiresAt, String actor) {
        Object normalised = OverrideValues.normalise(attribute, value);
        String who = actor(actor);
        Instant now = Times.now();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw ApiException.invalid("expires_at", "expires_at must be in the future, got " + expiresAt);
        }
        if (reason != null && reason.length() > OverrideValues.MAX_TEXT) {
            throw ApiException.invalid("reason", "reason must be at most " + OverrideValues.MAX_TEXT + " characters");
        }
        GoldenValue result = db.write(c -> {
            requireEntity(c, entityId);
            Overrides.insert(c, entityId, attribute, Json.write(normalised), reason, who, Times.format(now), Times.format(expiresAt));
            refresher.refresh(c, List.of(entityId));
            return golden(c, entityId, attribute);
        });
        LOG.info("Override by {}: entity {} {} = {} (expires {}, reason: {})", who, entityId, attribute, Json.write(normalised),
                expiresAt == null ? "never" : expiresAt, reason);
        return result;
    }

    @Override
    public void revokeOverride(long entityId, String attribute, String actor) {
        OverrideValues.checkAttribute(attribute);
        String who = actor(actor);
        db.write(c -> {
            requireEntity(c, entityId);
            if (Overrides.revoke(c, entityId, attribute, who, Times.format(Times.now())) == 0) {
                throw ApiException.notFound("override of " + attribute + " on entity", Long.toString(entityId));
            }
            refresher.refresh(c, List.of(entityId));
            return null;
        });
        LOG.info("Override revoked by {}: entity {} {}", who, entityId, attribute);
    }

    @Override
    public ResolutionRules rules() {
        return refresher.rulesFile().describe();
    }

    private static String actor(String actor) {
        if (actor == null || actor.isBlank()) {
            throw ApiException.invalid("actor", "who decides is required (the token's name)");
        }
        return actor;
    }

    private static void requireEntity(Connection c, long entityId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM entities WHERE id = ?")) {
            ps.setLong(1, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("entity", Long.toString(entityId));
                }
            }
        }
    }

    /** The stored golden value of an attribute, or null. */
    static GoldenValue golden(Connection c, long entityId, String attribute) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + GoldenValues.COLUMNS + " FROM entity_attributes ea"
                + " WHERE ea.entity_id = ? AND ea.attribute = ?")) {
            ps.setLong(1, entityId);
            ps.setString(2, attribute);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? GoldenValues.of(rs, 1) : null;
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }
}
