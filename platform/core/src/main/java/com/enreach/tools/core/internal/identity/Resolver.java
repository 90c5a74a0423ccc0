package com.enreach.tools.core.internal.identity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.inventory.RebuildResult;

/**
 * Resolves observations into entities inside the caller's write transaction: incrementally (only the observations
 * that changed, with everything their keys and entities connect them to) or from scratch. Both resolve whole
 * components (observations connected by shared keys, entity membership or a manual decision), so an incremental
 * resolution gives the same entities a rebuild would.
 */
final class Resolver {
    private Resolver() {
    }

    /**
     * Re-resolves observations that changed.
     *
     * @param changed device ids the change feed named (gone ones are ignored)
     * @param force   re-resolve them even if their keys did not change (a manual decision about them changed)
     * @param stayers observations whose part of their entity keeps its id (see {@link EntityWriter#write})
     * @return the entities to refresh: those whose membership changed and those of every changed observation
     */
    static Resolved incremental(Connection c, Collection<Long> changed, boolean force, Set<Long> stayers) throws SQLException {
        Map<Long, Obs> fresh = KeyExtractor.extract(c, changed);
        Map<Long, Obs> stored = KeyExtractor.stored(c, fresh.keySet());
        Map<Long, EntityWriter.Link> links = EntityWriter.links(c, fresh.keySet());
        Set<Long> touched = new HashSet<>();
        links.values().forEach(l -> touched.add(l.entityId()));
        List<Obs> dirty = new ArrayList<>();
        Set<String> oldKeys = new HashSet<>();
        for (Obs o : fresh.values()) {
            Obs before = stored.get(o.id);
            if (force || !links.containsKey(o.id) || !o.sameIdentity(before)) {
                dirty.add(o);
                if (before != null) {
                    before.keys.forEach((k, vs) -> vs.forEach(v -> oldKeys.add(Clusterer.holderKey(k, v))));
                }
            }
        }
        if (dirty.isEmpty()) {
            return new Resolved(touched, false);
        }
        KeyExtractor.store(c, dirty);
        List<DecisionStore.Decision> decisions = DecisionStore.active(c);
        Map<String, Integer> holders = new HashMap<>();
        Set<Long> component = component(c, dirty, oldKeys, decisions, holders);
        Map<Long, Obs> obs = KeyExtractor.stored(c, component);
        Clusterer.Result r = Clusterer.resolve(obs.values(), holders, DecisionStore.constraints(decisions));
        EntityWriter.Outcome out = EntityWriter.write(c, r.clusters(), r.conflicts(), EntityWriter.links(c, component), component, stayers);
        touched.addAll(out.touched());
        return new Resolved(touched, true);
    }

    /** The entities to refresh, and whether any observation was re-resolved (its keys, type or a decision changed). */
    record Resolved(Set<Long> touched, boolean regrouped) {
    }

    /**
     * Everything connected to the dirty observations: through a key value (unless too many hold it; for the dirty
     * observations' own old and new values one more is allowed, since their change may have crossed the limit),
     * through entity membership and through manual decisions.
     */
    private static Set<Long> component(Connection c, List<Obs> dirty, Set<String> oldKeys, List<DecisionStore.Decision> decisions,
                                       Map<String, Integer> holders) throws SQLException {
        Set<Long> seen = new HashSet<>();
        Set<String> seenKeys = new HashSet<>();
        Set<Long> seenEntities = new HashSet<>();
        Deque<Long> queue = new ArrayDeque<>();
        for (Obs o : dirty) {
            if (seen.add(o.id)) {
                queue.add(o.id);
            }
        }
        Set<String> ownKeys = new HashSet<>(oldKeys);
        dirty.forEach(o -> o.keys.forEach((k, vs) -> vs.forEach(v -> ownKeys.add(Clusterer.holderKey(k, v)))));
        try (PreparedStatement keysOf = c.prepareStatement("SELECT kind, value FROM identity_keys WHERE device_id = ?");
             PreparedStatement holdersOf = c.prepareStatement("SELECT device_id FROM identity_keys WHERE kind = ? AND value = ? LIMIT ?");
             PreparedStatement entityOf = c.prepareStatement("SELECT entity_id FROM entity_links WHERE device_id = ?");
             PreparedStatement members = c.prepareStatement("SELECT device_id FROM entity_links WHERE entity_id = ?")) {
            // old keys of dirty observations are no longer stored: visit their remaining holders too
            for (String k : oldKeys) {
                visitKey(k, ownKeys, seenKeys, holders, holdersOf, seen, queue);
            }
            while (!queue.isEmpty()) {
                long id = queue.poll();
                keysOf.setLong(1, id);
                List<String> keys = new ArrayList<>();
                try (ResultSet rs = keysOf.executeQuery()) {
                    while (rs.next()) {
                        keys.add(Clusterer.holderKey(rs.getString(1), rs.getString(2)));
                    }
                }
                for (String k : keys) {
                    visitKey(k, ownKeys, seenKeys, holders, holdersOf, seen, queue);
                }
                entityOf.setLong(1, id);
                try (ResultSet rs = entityOf.executeQuery()) {
                    if (rs.next() && seenEntities.add(rs.getLong(1))) {
                        members.setLong(1, rs.getLong(1));
                        try (ResultSet m = members.executeQuery()) {
                            while (m.next()) {
                                if (seen.add(m.getLong(1))) {
                                    queue.add(m.getLong(1));
                                }
                            }
                        }
                    }
                }
                for (DecisionStore.Decision d : decisions) {
                    if (d.ids().contains(id) || d.apartIds().contains(id)) {
                        for (Long other : d.ids()) {
                            if (seen.add(other)) {
                                queue.add(other);
                            }
                        }
                    }
                }
            }
        }
        return seen;
    }

    private static void visitKey(String key, Set<String> ownKeys, Set<String> seenKeys, Map<String, Integer> holders, PreparedStatement holdersOf,
                                 Set<Long> seen, Deque<Long> queue) throws SQLException {
        if (!seenKeys.add(key)) {
            return;
        }
        int sep = key.indexOf('\0');
        int limit = Clusterer.MAX_HOLDERS + (ownKeys.contains(key) ? 1 : 0);
        holdersOf.setString(1, key.substring(0, sep));
        holdersOf.setString(2, key.substring(sep + 1));
        holdersOf.setInt(3, Clusterer.MAX_HOLDERS + 2);
        List<Long> ids = new ArrayList<>();
        try (ResultSet rs = holdersOf.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        holders.put(key, ids.size());
        if (ids.size() > limit) {
            return;
        }
        for (Long id : ids) {
            if (seen.add(id)) {
                queue.add(id);
            }
        }
    }

    /** Re-extracts every key and re-resolves every observation; entity ids stay where most of their observations stay. */
    static Rebuilt rebuild(Connection c) throws SQLException {
        long start = System.nanoTime();
        Map<Long, Obs> all = KeyExtractor.extractAll(c);
        KeyExtractor.storeAll(c, all);
        List<DecisionStore.Decision> decisions = DecisionStore.active(c);
        Map<String, List<Long>> byKey = new HashMap<>();
        for (Obs o : all.values()) {
            o.keys.forEach((k, vs) -> vs.forEach(v -> byKey.computeIfAbsent(Clusterer.holderKey(k, v), x -> new ArrayList<>(2)).add(o.id)));
        }
        Map<String, Integer> holders = new HashMap<>();
        UnionFind uf = new UnionFind(all.keySet());
        byKey.forEach((k, ids) -> {
            holders.put(k, ids.size());
            if (ids.size() > 1 && ids.size() <= Clusterer.MAX_HOLDERS) {
                for (int i = 1; i < ids.size(); i++) {
                    uf.union(ids.get(0), ids.get(i));
                }
            }
        });
        for (DecisionStore.Decision d : decisions) {
            List<Long> ids = new ArrayList<>(d.ids());
            ids.addAll(d.apartIds());
            ids.removeIf(id -> !all.containsKey(id));
            for (int i = 1; i < ids.size(); i++) {
                uf.union(ids.get(0), ids.get(i));
            }
        }
        Clusterer.Decisions constraints = DecisionStore.constraints(decisions);
        List<Clusterer.Cluster> clusters = new ArrayList<>();
        List<Clusterer.Conflict> conflicts = new ArrayList<>();
        for (List<Long> comp : uf.groups().values()) {
            List<Obs> members = new ArrayList<>(comp.size());
            comp.forEach(id -> members.add(all.get(id)));
            Clusterer.Result r = Clusterer.resolve(members, holders, constraints);
            clusters.addAll(r.clusters());
            conflicts.addAll(r.conflicts());
        }
        clusters.sort(java.util.Comparator.comparing(cl -> cl.members().get(0).ref()));
        Map<Long, EntityWriter.Link> old = EntityWriter.links(c, null);
        EntityWriter.Outcome out = EntityWriter.write(c, clusters, conflicts, old, null);
        // entities left without observations (theirs were deleted) go too
        long orphans;
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM entities WHERE NOT EXISTS (SELECT 1 FROM entity_links l WHERE l.entity_id = entities.id)")) {
            orphans = ps.executeUpdate();
        }
        long open;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM identity_conflicts WHERE status = 'open'"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            open = rs.getLong(1);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Rebuilt(new RebuildResult(all.size(), clusters.size(), out.created(), out.removed() + orphans, open, millis), out.touched());
    }

    /** A rebuild's figures and the entities to refresh. */
    record Rebuilt(RebuildResult result, Set<Long> touched) {
    }

    /** Union-find over device ids. */
    private static final class UnionFind {
        private final Map<Long, Long> parent = new HashMap<>();

        UnionFind(Collection<Long> ids) {
            ids.forEach(id -> parent.put(id, id));
        }

        long find(long x) {
            long root = x;
            while (parent.get(root) != root) {
                root = parent.get(root);
            }
            while (parent.get(x) != root) {
                long next = parent.get(x);
                parent.put(x, root);
                x = next;
            }
            return root;
        }

        void union(long a, long b) {
            long ra = find(a);
            long rb = find(b);
            if (ra != rb) {
                parent.put(Math.max(ra, rb), Math.min(ra, rb));
            }
        }

        Map<Long, List<Long>> groups() {
            Map<Long, List<Long>> out = new HashMap<>();
            for (Long id : parent.keySet()) {
                out.computeIfAbsent(find(id), x -> new ArrayList<>()).add(id);
            }
            return out;
        }
    }
}
