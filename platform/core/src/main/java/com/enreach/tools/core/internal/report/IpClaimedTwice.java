package com.enreach.tools.core.internal.report;

import java.util.List;

import com.enreach.tools.api.inventory.ReportInfo;

/**
 * IP addresses of active observations that belong to two or more entities: one row per address and entity. The same
 * address on two observations of one entity (vCenter and PuppetDB both report the VM's address) is no finding.
 */
final class IpClaimedTwice extends Report {
    static final String DEFAULT_IGNORE = "127.*, ::1, fe80:*, 169.254.*, 0.0.0.0";

    @Override
    ReportInfo info(ReportSettings s) {
        return new ReportInfo("ip-claimed-twice", "IP addresses claimed by several entities",
                "Addresses on active observations of two or more distinct entities, one row per address and entity.",
                List.of(param("ignore", "addresses not checked (globs, comma-separated): loopback, link-local", DEFAULT_IGNORE)));
    }

    @Override
    List<String> columns() {
        return List.of("address", "entities", "other_entities", "sources", "interfaces");
    }

    /** Each (address, entity) claim of an active observation, the ignored addresses left out. */
    private static Sql claims(ReportParams p) {
        Sql sql = new Sql().add("SELECT DISTINCT a.address AS address, l.entity_id AS entity_id FROM ip_addresses a JOIN devices d ON d.id = a.device_id"
                + " JOIN entity_links l ON l.device_id = d.id WHERE d.status <> 'stale'"
                // Only addresses on two rows or more can be on two entities: found on the address index alone.
                + " AND a.address IN (SELECT address FROM ip_addresses GROUP BY address HAVING count(*) > 1)");
        for (String g : p.globs("ignore")) {
            if (p.dialect().postgres()) {
                sql.add(" AND a.address NOT LIKE ?", SourcePattern.likePattern(g));
            } else {
                sql.add(" AND a.address NOT GLOB ?", SourcePattern.sqliteGlob(g));
            }
        }
        return sql;
    }

    @Override
    Sql findings(ReportParams p, ReportSettings s) {
        return new Sql().add("SELECT w.address AS address, w.entity_id AS entity_id, e.name AS name, w.entities AS entities FROM"
                        + " (SELECT c.address, c.entity_id, count(*) OVER (PARTITION BY c.address) AS entities FROM (").add(claims(p))
                .add(") c) w " + p.cross() + " entities e ON e.id = w.entity_id WHERE w.entities > 1");
    }

    @Override
    String order(ReportParams p) {
        return "f.address, " + p.nocase("f.name") + ", f.entity_id";
    }

    @Override
    Sql values(ReportParams p, ReportSettings s) {
        String mine = " FROM ip_addresses a JOIN devices d ON d.id = a.device_id JOIN entity_links l ON l.device_id = d.id"
                + " WHERE a.address = f.address AND d.status <> 'stale'";
        return new Sql().add("f.address AS address, f.entities AS entities,"
                + " (SELECT string_agg(x, ', ' ORDER BY n, eid) FROM (SELECT DISTINCT oe.name || ' (#' || oe.id || ')' AS x, oe.name AS n, oe.id AS eid"
                + mine.replace(" WHERE", " JOIN entities oe ON oe.id = l.entity_id WHERE") + " AND l.entity_id <> f.entity_id) i) AS other_entities,"
                + " (SELECT string_agg(x, ', ' ORDER BY x) FROM (SELECT DISTINCT d.source_instance AS x" + mine + " AND l.entity_id = f.entity_id) i) AS sources,"
                + " (SELECT string_agg(x, ', ' ORDER BY x) FROM (SELECT DISTINCT a.interface_name AS x" + mine + " AND l.entity_id = f.entity_id"
                + " AND a.interface_name IS NOT NULL) i) AS interfaces");
    }
}
