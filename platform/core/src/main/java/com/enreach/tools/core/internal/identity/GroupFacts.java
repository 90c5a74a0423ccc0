package com.enreach.tools.core.internal.identity;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What a group of observations knows, for the join checks. */
final class GroupFacts {
    final Set<String> instances = new HashSet<>();
    final Set<String> types = new HashSet<>();
    final Map<String, Set<String>> keys = new HashMap<>();
    final Set<Integer> apart = new HashSet<>();

    GroupFacts() {
    }

    GroupFacts(Obs o) {
        instances.add(o.instance);
        types.add(o.type);
        o.keys.forEach((k, v) -> keys.put(k, new HashSet<>(v)));
    }

    GroupFacts copy() {
        return new GroupFacts().mergeIn(this);
    }

    GroupFacts merged(GroupFacts other) {
        return mergeIn(other);
    }

    private GroupFacts mergeIn(GroupFacts o) {
        instances.addAll(o.instances);
        types.addAll(o.types);
        o.keys.forEach((k, v) -> keys.computeIfAbsent(k, x -> new HashSet<>()).addAll(v));
        apart.addAll(o.apart);
        return this;
    }

    /**
     * @param strength index in {@link Keys#STRONG} of the identifier that would join them ({@code STRONG.size()}
     *                 for weak evidence): only the stronger system UUID and serial can contradict it
     */
    boolean canJoin(GroupFacts o, int strength) {
        if (!disjointInstances(o) || !compatibleTypes(o) || apartFrom(o)) {
            return false;
        }
        for (int s = 0; s < Math.min(strength, 2); s++) {
            if (contradicts(this, o, Keys.STRONG.get(s))) {
                return false;
            }
        }
        return true;
    }

    boolean disjointInstances(GroupFacts o) {
        for (String i : o.instances) {
            if (instances.contains(i)) {
                return false;
            }
        }
        return true;
    }

    boolean compatibleTypes(GroupFacts o) {
        for (String a : types) {
            for (String b : o.types) {
                if (!Types.compatible(a, b)) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean apartFrom(GroupFacts o) {
        for (int t : apart) {
            if (o.apart.contains(t ^ 1)) {
                return true;
            }
        }
        return false;
    }

    /** Both know values of this kind and share none. */
    static boolean contradicts(GroupFacts a, GroupFacts b, String kind) {
        Set<String> x = a.keys.getOrDefault(kind, Set.of());
        Set<String> y = b.keys.getOrDefault(kind, Set.of());
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        for (String v : x) {
            if (y.contains(v)) {
                return false;
            }
        }
        return true;
    }
}
