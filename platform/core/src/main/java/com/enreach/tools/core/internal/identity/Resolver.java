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
     * through entity membership and through manual decisions. Walked a frontier at a time with set-based reads, so
     * a batch of thousands of observations costs a few dozen statements.
     */
    private static Set<Long> component(Connection c, List<Obs> dirty, Set<String> oldKeys, List<DecisionStore.Decision> decisions,
                                       Map<String, Integer> holders) throws SQLException {
        Set<Long> seen = new HashSet<>();
        Set<String> seenKeys = new HashSet<>();
        Set<Long> seenEntities = new HashSet<>();
        Set<String> ownKeys = new HashSet<>(oldKeys);
        dirty.forEach(o -> o.keys.forEach((k, vs) -> vs.forEach(v -> ownKeys.add(Clusterer.holderKey(k, v)))));
        List<Long> frontier = new ArrayList<>();
        for (Obs o : dirty) {
            if (seen.add(o.id)) {
                frontier.add(o.id);
            }
        }
        // old keys of dirty observations are no longer stored: visit their remaining holders too
        List<String> keys = new ArrayList<>(oldKeys);
        while (!frontier.isEmpty() || !keys.isEmpty()) {
            for (List<Long> chunk : KeyExtractor.chunks(frontier)) {
                KeyExtractor.query(c, "SELECT kind, value FROM identity_keys WHERE device_id IN " + KeyExtractor.in(chunk.size()), chunk,
                        rs -> keys.add(Clusterer.holderKey(rs.getString(1), rs.getString(2))));
            }
            List<Long> next = new ArrayList<>();
            holdersOf(c, keys, seenKeys, ownKeys, holders, seen, next);
            keys.clear();
            List<Long> entities = new ArrayList<>();
            for (List<Long> chunk : KeyExtractor.chunks(frontier)) {
                KeyExtractor.query(c, "SELECT entity_id FROM entity_links WHERE device_id IN " + KeyExtractor.in(chunk.size()), chunk, rs -> {
                    if (seenEntities.add(rs.getLong(1))) {
                        entities.add(rs.getLong(1));
                    }
                });
            }
            for (List<Long> chunk : KeyExtractor.chunks(entities)) {
                KeyExtractor.query(c, "SELECT device_id FROM entity_links WHERE entity_id IN " + KeyExtractor.in(chunk.size()), chunk, rs -> {
                    if (seen.add(rs.getLong(1))) {
                        next.add(rs.getLong(1));
                    }
                });
            }
            for (DecisionStore.Decision d : decisions) {
                if (frontier.stream().anyMatch(id -> d.ids().contains(id) || d.apartIds().contains(id))) {
                    for (Long other : d.ids()) {
                        if (seen.add(other)) {
                            next.add(other);
                        }
                    }
                    for (Long other : d.apartIds()) {
                        if (seen.add(other)) {
                            next.add(other);
                        }
                    }
                }
            }
            frontier = next;
        }
        return seen;
    }

    /** Adds the holders of new key values to {@code next}, counting holders (up to the limit plus two) on the way. */
    private static void holdersOf(Connection c, List<String> keys, Set<String> seenKeys, Set<String> ownKeys, Map<String, Integer> holders,
                                  Set<Long> seen, List<Long> next) throws SQLException {
        Map<String, List<String>> valuesByKind = new HashMap<>();
        for (String key : keys) {
            if (seenKeys.add(key)) {
                int sep = key.indexOf('\0');
                valuesByKind.computeIfAbsent(key.substring(0, sep), k -> new ArrayList<>()).add(key.substring(sep + 1));
            }
        }
        for (Map.Entry<String, List<String>> e : valuesByKind.entrySet()) {
            for (List<String> chunk : KeyExtractor.chunks(e.getValue())) {
                Map<String, List<Long>> byValue = new HashMap<>();
                List<Object> args = new ArrayList<>();
                args.add(e.getKey());
                args.addAll(chunk);
                KeyExtractor.query(c, "SELECT value, device_id FROM identity_keys WHERE kind = ? AND value IN " + KeyExtractor.in(chunk.size()), args,
                        rs -> byValue.computeIfAbsent(rs.getString(1), v -> new ArrayList<>()).add(rs.getLong(2)));
                byValue.forEach((value, ids) -> {
                    String key = Clusterer.holderKey(e.getKey(), value);
                    holders.put(key, ids.size());
                    if (ids.size() <= Clusterer.MAX_HOLDERS + (ownKeys.contains(key) ? 1 : 0)) {
                        for (Long id : ids) {
                            if (seen.add(id)) {
                                next.add(id);
                            }
                        }
                    }
                });
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
