package com.enreach.tools.core.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;

/**
 * Manual merges and splits, stored by observation name ({@code instance/source_id}) so they outlive row ids, and
 * turned into device-id constraints for the resolver. A newer decision supersedes older ones it contradicts.
 */
final class DecisionStore {
    /** An active merge or split: {@code ids} together; for a split, apart from {@code apartIds}. */
    record Decision(long id, String action, List<String> refs, List<String> apartRefs, Set<Long> ids, Set<Long> apartIds) {
    }

    private DecisionStore() {
    }

    /** Active merges and splits, oldest first, with the device ids their observations have now (absent ones left out). */
    static List<Decision> active(Connection c) throws SQLException {
        List<Decision> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, action, observations, apart_from FROM manual_decisions"
                + " WHERE revoked_at IS NULL AND action IN ('merge', 'split') ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> refs = strings(rs.getString(3));
                List<String> apart = strings(rs.getString(4));
                out.add(new Decision(rs.getLong(1), rs.getString(2), refs, apart, new HashSet<>(), new HashSet<>()));
            }
        }
        if (out.isEmpty()) {
            return out;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM devices WHERE source_instance = ? AND source_id = ?")) {
            for (Decision d : out) {
                resolve(ps, d.refs(), d.ids());
                resolve(ps, d.apartRefs(), d.apartIds());
            }
        }
        return out;
    }

    private static void resolve(PreparedStatement ps, List<String> refs, Set<Long> into) throws SQLException {
        for (String ref : refs) {
            int slash = ref.indexOf('/');
            if (slash <= 0) {
                continue;
            }
            ps.setString(1, ref.substring(0, slash));
            ps.setString(2, ref.substring(slash + 1));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    into.add(rs.getLong(1));
                }
            }
        }
    }

    /** The constraints for the resolver. */
    @SuppressWarnings("unchecked")
    static Clusterer.Decisions constraints(List<Decision> decisions) {
        List<Set<Long>> together = new ArrayList<>();
        List<Set<Long>[]> apart = new ArrayList<>();
        for (Decision d : decisions) {
            together.add(d.ids());
            if (d.action().equals("split")) {
                apart.add(new Set[] {d.ids(), d.apartIds()});
            }
        }
        return new Clusterer.Decisions(together, apart);
    }

    /** Records a decision and revokes the older ones it contradicts; returns its id. */
    static long record(Connection c, String action, Long entityId, Collection<String> refs, Collection<String> apartRefs, String reason,
                       String actor) throws SQLException {
        String now = Times.format(Times.now());
        Set<String> mine = new TreeSet<>(refs);
        Set<String> other = new TreeSet<>(apartRefs);
        for (Decision d : active(c)) {
            if (contradicts(action, mine, other, d)) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE manual_decisions SET revoked_at = ?, revoked_by = ? WHERE id = ?")) {
                    ps.setString(1, now);
                    ps.setString(2, actor + " (superseded)");
                    ps.setLong(3, d.id());
                    ps.executeUpdate();
                }
            }
        }
        // the new id asked for by name (with RETURN_GENERATED_KEYS pgjdbc returns every column)
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO manual_decisions (action, entity_id, observations, apart_from, reason, actor,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
            ps.setString(1, action);
            if (entityId == null) {
                ps.setNull(2, java.sql.Types.INTEGER);
            } else {
                ps.setLong(2, entityId);
            }
            ps.setString(3, Json.write(List.copyOf(mine)));
            ps.setString(4, action.equals("split") ? Json.write(List.copyOf(other)) : null);
            ps.setString(5, reason);
            ps.setString(6, actor);
            ps.setString(7, now);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * A merge contradicts an older split that it would join across; a split contradicts an older merge that holds
     * observations on both of its sides, and an older split that keeps its moved observations apart from each other.
     */
    private static boolean contradicts(String action, Set<String> mine, Set<String> other, Decision old) {
        if (action.equals("merge")) {
            return old.action().equals("split") && intersects(mine, old.refs()) && intersects(mine, old.apartRefs());
        }
        if (old.action().equals("merge")) {
            return intersects(mine, old.refs()) && intersects(other, old.refs());
        }
        return intersects(mine, old.refs()) && intersects(mine, old.apartRefs());
    }

    private static boolean intersects(Set<String> a, Collection<String> b) {
        for (String s : b) {
            if (a.contains(s)) {
                return true;
            }
        }
        return false;
    }

    static List<String> strings(String json) {
        List<String> out = new ArrayList<>();
        Json.readList(json).forEach(o -> out.add(String.valueOf(o)));
        return out;
    }
}
