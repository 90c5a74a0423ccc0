package com.enreach.tools.core.internal.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.inventory.AttributeConflict;
import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.api.inventory.ConflictQuery;
import com.enreach.tools.api.inventory.GoldenValue;
import com.enreach.tools.core.internal.db.TestDatabases;
import com.enreach.tools.core.internal.db.Times;

class GoldenConflictsTest {
    private static final long GIB = 1L << 30;

    @TempDir
    Path dir;
    private GoldenFixture f;
    private GoldenConflicts conflicts;
    private long vc;
    private long pdb;
    private long e;

    @BeforeEach
    void setUp() {
        f = new GoldenFixture(dir);
        conflicts = new GoldenConflicts(f.db, f.refresher);
        vc = f.device("vcenter", "vc-prod", "db01", "vm", "{\"memory_gb\": 8, \"site\": \"ams\"}", 5);
        pdb = f.device("puppetdb", "pdb-main", "db01.example.com", "server", "{\"memory_gb\": 16, \"site\": \"fra\"}", 6);
        e = f.entityOf(vc, pdb);
        f.refresh(e);
    }

    @Test
    void anOverrideWinsOverEverySourceAndKeepsApplyingAfterLaterSyncs() {
        GoldenValue v = conflicts.override(e, Attributes.MEMORY_BYTES, 16 * GIB, "puppet is right", null, "alice");

        assertEquals(16 * GIB, ((Number) v.value()).longValue());
        assertEquals("manual", v.rule());
        assertNull(v.source().deviceId());
        assertEquals("manual", v.source().sourceSystem());
        assertEquals("manual", v.source().sourceInstance());
        assertFalse(v.conflict(), "an override resolves the conflict");
        assertEquals(List.of(8 * GIB), v.alternatives().stream().map(a -> ((Number) a.value()).longValue()).toList());
        assertEquals(1, ((Number) f.entityRow(e).get("conflict_count")).intValue(), "the site conflict remains");

        // A later sync changes the preferred source's value; the override still wins.
        f.sql("UPDATE devices SET metadata = '{\"memory_gb\": 12, \"site\": \"ams\"}' WHERE id = ?", vc);
        f.refresh(e);
        GoldenValue after = f.golden(e, Attributes.MEMORY_BYTES);
        assertEquals("manual", after.rule());
        assertEquals(16 * GIB, ((Number) after.value()).longValue());

        var decision = f.db.read(c -> {
            try (var ps = c.prepareStatement("SELECT actor, reason, observations, expires_at FROM manual_decisions WHERE action = 'override'")) {
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return List.of(rs.getString(1), rs.getString(2), rs.getString(3), String.valueOf(rs.getString(4)));
                }
            }
        });
        assertEquals(List.of("alice", "puppet is right", "[\"vc-prod/src-1\",\"pdb-main/src-2\"]", "null"), decision);
    }

    @Test
    void revokingLetsTheRulesChooseAgainAndIsAudited() {
        conflicts.override(e, Attributes.SITE, "fra", "moved", null, "alice");
        assertEquals("fra", f.golden(e, Attributes.SITE).value());

        conflicts.revokeOverride(e, Attributes.SITE, "bob");

        GoldenValue site = f.golden(e, Attributes.SITE);
        assertEquals("ams", site.value());
        assertEquals("priority:3", site.rule());
        assertTrue(site.conflict());
        String revokedBy = f.db.read(c -> {
            try (var ps = c.prepareStatement("SELECT revoked_by FROM manual_decisions WHERE revoked_at IS NOT NULL")) {
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        assertEquals("bob", revokedBy, "the decision is kept with who withdrew it");
        ApiException none = assertThrows(ApiException.class, () -> conflicts.revokeOverride(e, Attributes.SITE, "bob"));
        assertEquals(ApiException.Reason.NOT_FOUND, none.reason());
    }

    @Test
    void anExpiredOverrideStopsApplyingAtTheNextSweep() {
        conflicts.override(e, Attributes.SITE, "fra", "until the move", Instant.now().plus(Duration.ofHours(1)), "alice");
        assertEquals("manual", f.golden(e, Attributes.SITE).rule());
        // An hour passes: the override's expiry is now behind us.
        Instant expired = Times.now().minusSeconds(5);
        f.sql("UPDATE manual_decisions SET expires_at = ?", Times.format(expired));

        assertEquals(1, f.refresher.sweepExpired(Times.now()));

        assertEquals("ams", f.golden(e, Attributes.SITE).value());
        assertEquals(0, f.refresher.sweepExpired(Times.now()), "each expiry is swept once");
        f.refresh(e);
        assertEquals("ams", f.golden(e, Attributes.SITE).value(), "a refresh does not apply an expired override");
    }

    @Test
    void anOverrideFollowsItsObservationsToANewEntity() {
        conflicts.override(e, Attributes.SITE, "fra", null, null, "alice");
        // A rebuild gives the observations a new entity and drops the old one.
        long rebuilt = f.entity("db01", "vm");
        f.link(vc, rebuilt);
        f.link(pdb, rebuilt);
        f.sql("DELETE FROM entity_attributes WHERE entity_id = ?", e);
        f.sql("DELETE FROM entities WHERE id = ?", e);

        f.refresh(rebuilt);

        GoldenValue site = f.golden(rebuilt, Attributes.SITE);
        assertEquals("fra", site.value());
        assertEquals("manual", site.rule());
    }

    @Test
    void badOverridesAreRefusedNamingWhatIsWrong() {
        ApiException attr = assertThrows(ApiException.class, () -> conflicts.override(e, "colour", "red", null, null, "alice"));
        assertEquals(ApiException.Reason.INVALID, attr.reason());
        assertEquals("attribute", attr.field());
        assertTrue(attr.getMessage().contains("colour"), attr.getMessage());

        ApiException kind = assertThrows(ApiException.class, () -> conflicts.override(e, Attributes.MEMORY_BYTES, "lots", null, null, "alice"));
        assertEquals(ApiException.Reason.INVALID, kind.reason());
        assertEquals("value", kind.field());
        assertTrue(kind.getMessage().contains("memory_bytes") && kind.getMessage().contains("whole number"), kind.getMessage());

        ApiException text = assertThrows(ApiException.class, () -> conflicts.override(e, Attributes.OS, 7, null, null, "alice"));
        assertEquals("value", text.field());
        ApiException mac = assertThrows(ApiException.class, () -> conflicts.override(e, Attributes.PRIMARY_MAC, "zz", null, null, "alice"));
        assertTrue(mac.getMessage().contains("MAC"), mac.getMessage());
        ApiException past = assertThrows(ApiException.class,
                () -> conflicts.override(e, Attributes.OS, "Linux", null, Instant.now().minusSeconds(60), "alice"));
        assertEquals("expires_at", past.field());

        ApiException missing = assertThrows(ApiException.class, () -> conflicts.override(99999, Attributes.OS, "Linux", null, null, "alice"));
        assertEquals(ApiException.Reason.NOT_FOUND, missing.reason());
        int stored = f.db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM manual_decisions")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertEquals(0, stored, "nothing is stored for a refused override");
    }

    @Test
    void aNewOverrideReplacesTheOneInForce() {
        conflicts.override(e, Attributes.MEMORY_BYTES, 8 * GIB, null, null, "alice");
        conflicts.override(e, Attributes.MEMORY_BYTES, 12.0 * GIB, null, null, "bob");
        assertEquals(12 * GIB, ((Number) f.golden(e, Attributes.MEMORY_BYTES).value()).longValue());
        conflicts.revokeOverride(e, Attributes.MEMORY_BYTES, "carol");
        assertEquals(8 * GIB, ((Number) f.golden(e, Attributes.MEMORY_BYTES).value()).longValue(), "no older override comes back");
        assertEquals("priority:1", f.golden(e, Attributes.MEMORY_BYTES).rule());
    }

    @Test
    void conflictsAreListedByEntityNameThenAttributeAndFilterable() {
        long a1 = f.device("vcenter", "vc-prod", "alpha", "server", "{\"vendor\": \"Dell\"}", 1);
        long a2 = f.device("foreman", "fm", "alpha", "server", "{\"vendor\": \"HP\"}", 1);
        long alpha = f.entityOf(a1, a2);
        f.refresh(alpha);

        Page<AttributeConflict> all = conflicts.find(new ConflictQuery(null, null, null, null, 10, 0));
        assertEquals(3, all.count());
        assertEquals(List.of("alpha/vendor", "db01/memory_bytes", "db01/site"),
                all.results().stream().map(c -> c.entityName() + "/" + c.attribute()).toList());
        AttributeConflict vendor = all.results().get(0);
        assertEquals("Dell", vendor.chosen().value());
        assertEquals(List.of("Dell", "HP"), vendor.candidates().stream().map(GoldenValue.Alternative::value).toList());
        assertEquals("server", vendor.entityType());

        assertEquals(1, conflicts.find(new ConflictQuery(Attributes.SITE, null, null, null, 10, 0)).count());
        assertEquals(2, conflicts.find(new ConflictQuery(null, "pdb-main", null, null, 10, 0)).count(), "an alternative's source");
        assertEquals(1, conflicts.find(new ConflictQuery(null, "fm", null, null, 10, 0)).count());
        assertEquals(2, conflicts.find(new ConflictQuery(null, null, "vm", null, 10, 0)).count());
        assertEquals(1, conflicts.find(new ConflictQuery(null, null, null, alpha, 10, 0)).count());
        Page<AttributeConflict> second = conflicts.find(new ConflictQuery(null, null, null, null, 1, 1));
        assertEquals(3, second.count());
        assertEquals("db01/memory_bytes", second.results().get(0).entityName() + "/" + second.results().get(0).attribute());

        assertThrows(ApiException.class, () -> conflicts.find(new ConflictQuery(null, null, null, null, 5000, 0)));
        assertEquals("attribute", assertThrows(ApiException.class, () -> conflicts.find(new ConflictQuery("colour", null, null, null, 10, 0))).field());
    }

    @Test
    void theConflictListUsesThePartialIndex() {
        String query = "SELECT ea.entity_id FROM entity_attributes ea JOIN entities e ON e.id = ea.entity_id WHERE ea.conflict = 1 AND ea.attribute = 'os'";
        String plan = f.db.read(c -> {
            StringBuilder sb = new StringBuilder();
            if (TestDatabases.postgres()) {
                // PostgreSQL has no EXPLAIN QUERY PLAN, and on a handful of rows its planner rightly prefers a sequential
                // scan: with scans priced out, the plan shows whether the query matches the partial index's predicate
                try (var s = c.createStatement()) {
                    s.execute("SET enable_seqscan = off");
                    try (var rs = s.executeQuery("EXPLAIN " + query)) {
                        while (rs.next()) {
                            sb.append(rs.getString(1)).append('\n');
                        }
                    } finally {
                        s.execute("RESET enable_seqscan");
                    }
                }
                return sb.toString();
            }
            try (var rs = c.createStatement().executeQuery("EXPLAIN QUERY PLAN " + query)) {
                while (rs.next()) {
                    sb.append(rs.getString(4)).append('\n');
                }
            }
            return sb.toString();
        });
        assertTrue(plan.contains("idx_entity_attributes_conflicts"), plan);
    }
}
