package com.enreach.tools.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.inventory.ReportInfo;
import com.enreach.tools.core.internal.db.TestDatabases;
import com.enreach.tools.core.internal.sql.Dialect;

/**
 * What is computed per finding (the page's display columns, per-entity checks) must search indexes: a full scan of
 * a table inside a correlated subquery costs a pass over that table for every row, which at 100k entities is the
 * difference between milliseconds and minutes. (A lookup by a text column's value against the expression index on
 * {@code lower(backups.vm_guid)} silently scanned it until the key's affinity was dropped.)
 */
class ReportPlanTest {
    @TempDir
    Path dir;

    @Test
    void noCorrelatedSubqueryOfAnyReportScansATable() throws Exception {
        // SQLite's EXPLAIN QUERY PLAN; PostgreSQL plans by statistics and has no such output
        assumeFalse(TestDatabases.postgres());
        Estate estate = new Estate(dir);
        long vm = estate.entity("vm", "vm");
        long d = estate.seen(vm, "vcenter", "vc", "vm", "vm");
        estate.seen(vm, "puppetdb", "pdb", "vm", "vm");
        estate.seen(estate.entity("sw", "network_device"), "oxidized", "ox", "network_device", "sw");
        estate.backup("commvault", "cv", "vm", d, "5032-1", Estate.daysAgo(1), "active");
        List<String> problems = new ArrayList<>();
        ReportSettings s = ReportSettings.defaults();
        try (Connection c = estate.db.openReadConnection()) {
            Map<String, String> instances = ReportRunner.instances(c);
            for (Report r : ReportRunner.REPORTS) {
                ReportInfo info = r.info(s);
                ReportParams p = new ReportParams(info, Map.of(), Estate.NOW, instances, Dialect.SQLITE);
                for (Sql sql : List.of(r.rows(p, s, 50, 0), r.count(p, s))) {
                    problems.addAll(correlatedScans(c, info.name(), sql));
                }
            }
        } finally {
            estate.close();
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Columns too coarse to find one entity's rows by: a search on them alone is a scan of a large part of a table. */
    private static final java.util.Set<String> COARSE = java.util.Set.of("kind", "status", "source_instance", "source_system", "type");

    /**
     * SCAN lines of real tables (not of subqueries, CTEs or the page), and searches on coarse columns only, under a
     * CORRELATED subquery of the plan.
     */
    private static List<String> correlatedScans(Connection c, String report, Sql sql) throws Exception {
        Map<Integer, Integer> parent = new HashMap<>();
        Map<Integer, String> detail = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql.text())) {
            sql.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parent.put(rs.getInt(1), rs.getInt(2));
                    detail.put(rs.getInt(1), rs.getString(4));
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (Map.Entry<Integer, String> e : detail.entrySet()) {
            String line = e.getValue();
            boolean tableScan = line.startsWith("SCAN ") && !line.startsWith("SCAN (") && !line.matches("SCAN (f|w|c|i|j)( .*)?");
            if (!tableScan && !coarseSearch(line)) {
                continue;
            }
            for (Integer at = parent.get(e.getKey()); at != null && at != 0; at = parent.get(at)) {
                if (detail.getOrDefault(at, "").startsWith("CORRELATED")) {
                    out.add(report + ": " + line + " under " + detail.get(at));
                    break;
                }
            }
        }
        return out;
    }

    static boolean coarseSearch(String line) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^SEARCH \\S+ USING .*?\\((.*)\\)$").matcher(line);
        if (!m.matches()) {
            return false;
        }
        for (String term : m.group(1).split(" AND ")) {
            if (!COARSE.contains(term.replaceAll("[=<>].*", "").trim())) {
                return false;
            }
        }
        return true;
    }
}
