package com.enreach.tools.core.internal.golden;

import java.util.List;
import java.util.TreeSet;

import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.core.internal.db.Json;

/** The entities row's derived columns, as stored. */
record EntitySummary(String name, String type, String status, String site, String sources, int sourceCount, int observationCount,
                     int conflictCount, String lastSeen) {

    /**
     * Derives the summary from the chosen values and the observations: sources are the instances with an active
     * observation (those of the stale ones when every observation is stale), sorted; name and type keep the current
     * ones when nothing gives a value.
     */
    static EntitySummary of(EntitySummary current, List<Observation> observations, List<GoldenRow> rows, int identityConflicts) {
        TreeSet<String> active = new TreeSet<>();
        TreeSet<String> all = new TreeSet<>();
        String lastSeen = null;
        for (Observation o : observations) {
            all.add(o.sourceInstance);
            if (o.active) {
                active.add(o.sourceInstance);
            }
            if (o.lastSeen != null && (lastSeen == null || o.lastSeen.compareTo(lastSeen) > 0)) {
                lastSeen = o.lastSeen;
            }
        }
        String name = current.name();
        String type = current.type();
        String site = null;
        int conflicts = identityConflicts;
        for (GoldenRow r : rows) {
            conflicts += r.conflict() ? 1 : 0;
            Object v = Json.read(r.value(), Object.class);
            switch (r.attribute()) {
                case Attributes.NAME -> name = String.valueOf(v);
                case Attributes.TYPE -> type = String.valueOf(v);
                case Attributes.SITE -> site = String.valueOf(v);
                default -> { }
            }
        }
        TreeSet<String> sources = active.isEmpty() ? all : active;
        return new EntitySummary(name, type, active.isEmpty() ? "stale" : "active", site, Json.write(sources), sources.size(),
                observations.size(), conflicts, lastSeen);
    }
}
