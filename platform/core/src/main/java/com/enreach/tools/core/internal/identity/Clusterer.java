package com.enreach.tools.core.internal.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Groups the observations of one component (observations connected through shared keys) into entities. A pure
 * function of the observations, their keys and the manual decisions: observations are visited in the order of their
 * stable names ({@code instance/source_id}), so the answer never depends on the order rows were written.
 *
 * <ol>
 * <li>Manual merges join their observations, whatever the rules say.</li>
 * <li>Strong identifiers, strongest first (system UUID, serial, primary MAC, FQDN): every holder of a value joins,
 * unless two holders belong to one source instance or the holders cannot all be joined (ambiguous identifier:
 * conflict, no merge). A stronger identifier that differs blocks a weaker one (a UUID match ignores serials).</li>
 * <li>Weak evidence (short host name, then IP): two entities join only when each is the other's single candidate
 * and no system UUID, serial or FQDN contradicts. An IP additionally needs host names that do not differ.</li>
 * </ol>
 * Never joined: two observations of one source instance, incompatible types, a manual split.
 */
final class Clusterer {
    /** Values held by more observations than this are placeholders or shared infrastructure, not identities. */
    static final int MAX_HOLDERS = 25;
    static final String SOURCE_ID = "source-id";
    static final String MANUAL = "manual";

    /** The manual decisions that apply to a component, in device ids. */
    record Decisions(List<Set<Long>> together, List<Set<Long>[]> apart) {
        static Decisions none() {
            return new Decisions(List.of(), List.of());
        }

        /** Every observation set a decision names, for settling conflicts. */
        List<Set<Long>> named() {
            List<Set<Long>> out = new ArrayList<>(together);
            for (Set<Long>[] a : apart) {
                Set<Long> both = new HashSet<>(a[0]);
                both.addAll(a[1]);
                out.add(both);
            }
            return out;
        }
    }

    /** One resulting entity: members in stable order; the first is the anchor ({@code source-id}). */
    record Cluster(List<Obs> members, Map<Long, String> rules, Map<Long, String> evidence) {
    }

    /** A conflict found in the component; device ids sorted. */
    record Conflict(String kind, String key, String detail, List<Long> deviceIds) {
    }

    record Result(List<Cluster> clusters, List<Conflict> conflicts) {
    }

    private final List<Obs> obs;
    private final Map<String, Integer> holders;
    private final int[] parent;
    private final String[] rule;
    private final String[] evidence;
    private final Map<Integer, GroupFacts> aggs = new HashMap<>();
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<Set<Long>> named;
    /** kind -> value -> holders; the keys never change while resolving, only the groups do. */
    private final Map<String, Map<String, List<Integer>>> valueIndexes = new HashMap<>();

    /**
     * @param holders how many observations hold each key overall ({@code kind + '\0' + value}); values missing here
     *                count as held by the component's holders only
     */
    private Clusterer(Collection<Obs> component, Map<String, Integer> holders, Decisions decisions) {
        this.obs = new ArrayList<>(component);
        this.obs.sort(Comparator.comparing(Obs::ref));
        this.holders = holders;
        int n = obs.size();
        parent = new int[n];
        rule = new String[n];
        evidence = new String[n];
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            parent[i] = i;
            rule[i] = SOURCE_ID;
            index.put(obs.get(i).id, i);
            aggs.put(i, new GroupFacts(obs.get(i)));
        }
        for (int d = 0; d < decisions.apart().size(); d++) {
            for (int side = 0; side < 2; side++) {
                for (Long id : decisions.apart().get(d)[side]) {
                    Integer i = index.get(id);
                    if (i != null) {
                        aggs.get(i).apart.add(d * 2 + side);
                    }
                }
            }
        }
        for (Set<Long> group : decisions.together()) {
            int first = -1;
            for (Obs o : obs) {
                if (group.contains(o.id)) {
                    int i = index.get(o.id);
                    if (first < 0) {
                        first = i;
                    } else if (find(first) != find(i)) {
                        union(find(first), find(i), MANUAL, null);
                    }
                }
            }
        }
        this.named = decisions.named();
    }

    static Result resolve(Collection<Obs> component, Map<String, Integer> holders, Decisions decisions) {
        Clusterer c = new Clusterer(component, holders, decisions);
        c.strong();
        c.weak(Keys.HOSTNAME);
        c.weak(Keys.IP);
        c.nameConflicts();
        return new Result(c.clusters(), c.conflicts);
    }

    static String holderKey(String kind, String value) {
        return kind + '\0' + value;
    }

    private int holderCount(String kind, String value, int inComponent) {
        return Math.max(holders.getOrDefault(holderKey(kind, value), 0), inComponent);
    }

    // ------------------------------------------------------------------ strong identifiers

    private void strong() {
        for (int strength = 0; strength < Keys.STRONG.size(); strength++) {
            String kind = Keys.STRONG.get(strength);
            for (Map.Entry<String, List<Integer>> e : valueIndex(kind).entrySet()) {
                List<Integer> idx = e.getValue();
                if (idx.size() < 2 || holderCount(kind, e.getKey(), idx.size()) > MAX_HOLDERS) {
                    continue;
                }
                linkStrong(kind, strength, e.getKey(), idx);
            }
        }
    }

    private void linkStrong(String kind, int strength, String value, List<Integer> idx) {
        TreeSet<Integer> roots = new TreeSet<>();
        Map<String, Integer> byInstance = new HashMap<>();
        for (int i : idx) {
            Integer other = byInstance.put(obs.get(i).instance, i);
            if (other != null && find(other) != find(i)) {
                conflict("ambiguous-identifier", value, kind + " " + value + " is reported for several objects of "
                        + obs.get(i).instance + "; nothing was linked through it", idx);
                return;
            }
            roots.add(find(i));
        }
        if (roots.size() < 2) {
            return;
        }
        GroupFacts acc = null;
        for (int r : roots) {
            GroupFacts a = aggs.get(r);
            if (acc != null && !acc.canJoin(a, strength)) {
                conflict("ambiguous-identifier", value, kind + " " + value + " is shared by objects that other identifiers, their"
                        + " sources or their types keep apart; nothing was linked through it", idx);
                return;
            }
            acc = acc == null ? a.copy() : acc.merged(a);
        }
        int first = roots.first();
        for (int r : roots.tailSet(first, false)) {
            union(find(first), r, kind, value);
        }
    }

    // ------------------------------------------------------------------ weak evidence

    private void weak(String kind) {
        for (int round = 0; round < 10; round++) {
            Map<String, TreeSet<Integer>> rootsByValue = new TreeMap<>();
            valueIndex(kind).forEach((value, idx) -> {
                if (holderCount(kind, value, idx.size()) <= MAX_HOLDERS) {
                    TreeSet<Integer> roots = new TreeSet<>();
                    idx.forEach(i -> roots.add(find(i)));
                    if (roots.size() > 1) {
                        rootsByValue.put(value, roots);
                    }
                }
            });
            Map<Integer, Set<Integer>> candidates = new TreeMap<>();
            Map<String, String> evidenceOf = new HashMap<>();
            rootsByValue.forEach((value, roots) -> {
                for (int a : roots) {
                    for (int b : roots) {
                        if (a != b && weakOk(aggs.get(a), aggs.get(b), kind)) {
                            candidates.computeIfAbsent(a, x -> new TreeSet<>()).add(b);
                            evidenceOf.putIfAbsent(Math.min(a, b) + ":" + Math.max(a, b), value);
                        }
                    }
                }
            });
            List<int[]> pairs = new ArrayList<>();
            candidates.forEach((a, cands) -> {
                if (cands.size() == 1) {
                    int b = cands.iterator().next();
                    if (a < b && candidates.getOrDefault(b, Set.of()).equals(Set.of(a))) {
                        pairs.add(new int[] {a, b});
                    }
                }
            });
            if (pairs.isEmpty()) {
                return;
            }
            for (int[] p : pairs) {
                union(p[0], p[1], kind, evidenceOf.get(p[0] + ":" + p[1]));
            }
        }
    }

    private static boolean weakOk(GroupFacts a, GroupFacts b, String kind) {
        if (!a.canJoin(b, Keys.STRONG.size()) || GroupFacts.contradicts(a, b, Keys.FQDN)) {
            return false;
        }
        return !kind.equals(Keys.IP) || !GroupFacts.contradicts(a, b, Keys.HOSTNAME);
    }


    /** Same short name across sources, kept apart by a differing UUID or serial: listed for a person to look at. */
    private void nameConflicts() {
        valueIndex(Keys.HOSTNAME).forEach((name, idx) -> {
            if (holderCount(Keys.HOSTNAME, name, idx.size()) > MAX_HOLDERS) {
                return;
            }
            Map<String, TreeSet<Long>> devicesByKind = new TreeMap<>();
            for (int i : idx) {
                for (int j : idx) {
                    int a = find(i);
                    int b = find(j);
                    if (a >= b) {
                        continue;
                    }
                    GroupFacts x = aggs.get(a);
                    GroupFacts y = aggs.get(b);
                    if (!x.disjointInstances(y) || !x.compatibleTypes(y) || x.apartFrom(y) || GroupFacts.contradicts(x, y, Keys.FQDN)) {
                        continue;
                    }
                    String kind = GroupFacts.contradicts(x, y, Keys.SYSTEM_UUID) ? "same-name-different-uuid"
                            : GroupFacts.contradicts(x, y, Keys.SERIAL) ? "same-name-different-serial" : null;
                    if (kind != null) {
                        TreeSet<Long> ids = devicesByKind.computeIfAbsent(kind, k -> new TreeSet<>());
                        ids.add(obs.get(i).id);
                        ids.add(obs.get(j).id);
                    }
                }
            }
            devicesByKind.forEach((kind, ids) -> addConflict(kind, name, "Observations named " + name + " in different sources have "
                    + (kind.endsWith("uuid") ? "different system UUIDs" : "different serial numbers") + ", so they were kept apart", ids));
        });
    }

    // ------------------------------------------------------------------ plumbing

    /** value -> indexes of the observations holding it, values sorted. */
    private Map<String, List<Integer>> valueIndex(String kind) {
        return valueIndexes.computeIfAbsent(kind, this::buildIndex);
    }

    private Map<String, List<Integer>> buildIndex(String kind) {
        Map<String, List<Integer>> out = new TreeMap<>();
        for (int i = 0; i < obs.size(); i++) {
            for (String v : obs.get(i).values(kind)) {
                out.computeIfAbsent(v, x -> new ArrayList<>()).add(i);
            }
        }
        return out;
    }

    private void conflict(String kind, String key, String detail, List<Integer> idx) {
        TreeSet<Long> ids = new TreeSet<>();
        idx.forEach(i -> ids.add(obs.get(i).id));
        addConflict(kind, key, detail, ids);
    }

    private void addConflict(String kind, String key, String detail, Set<Long> ids) {
        for (Set<Long> decided : named) {
            int n = 0;
            for (Long id : ids) {
                if (decided.contains(id) && ++n >= 2) {
                    return; // an operator has decided about these observations
                }
            }
        }
        conflicts.add(new Conflict(kind, key, detail, List.copyOf(ids)));
    }

    private int find(int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins two roots; the root with the larger anchor takes the rule (its anchor is no longer first). */
    private void union(int a, int b, String how, String value) {
        int keep = Math.min(a, b);
        int join = Math.max(a, b);
        parent[join] = keep;
        rule[join] = how;
        evidence[join] = value;
        aggs.put(keep, aggs.get(keep).merged(aggs.remove(join)));
    }

    private List<Cluster> clusters() {
        Map<Integer, List<Obs>> byRoot = new TreeMap<>();
        Map<Long, String> rules = new HashMap<>();
        Map<Long, String> ev = new HashMap<>();
        for (int i = 0; i < obs.size(); i++) {
            byRoot.computeIfAbsent(find(i), x -> new ArrayList<>()).add(obs.get(i));
            rules.put(obs.get(i).id, rule[i]);
            ev.put(obs.get(i).id, evidence[i]);
        }
        List<Cluster> out = new ArrayList<>();
        byRoot.values().forEach(members -> {
            Map<Long, String> r = new HashMap<>();
            Map<Long, String> e = new HashMap<>();
            members.forEach(o -> {
                r.put(o.id, rules.get(o.id));
                e.put(o.id, ev.get(o.id));
            });
            out.add(new Cluster(members, r, e));
        });
        return out;
    }
}
