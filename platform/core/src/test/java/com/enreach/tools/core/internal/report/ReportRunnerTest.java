package com.enreach.tools.core.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.ReportInfo;
import com.enreach.tools.api.inventory.ReportResult;

/** What every report shares: the list, unknown reports and parameters, paging with the whole count. */
class ReportRunnerTest extends EstateTest {
    @Test
    void everyReportIsListedWithItsParametersAndRunsOnAnEmptyDatabase() {
        List<ReportInfo> all = estate.reports.reports();
        assertEquals(List.of("vms-without-backup", "servers-without-facts", "network-without-config", "missing-from-source", "ip-claimed-twice",
                "identity-conflicts", "stale-in-one-active-in-another"), all.stream().map(ReportInfo::name).toList());
        for (ReportInfo info : all) {
            ReportResult r = estate.run(info.name(), Map.of());
            assertEquals(0, r.total(), info.name());
            assertEquals(info.params().stream().map(ReportInfo.Param::name).toList(), List.copyOf(r.params().keySet()), info.name());
            assertEquals(Estate.NOW, r.generatedAt());
        }
    }

    @Test
    void unknownReportsAreNotFoundAndUnknownOrBadParametersAreInvalidNamingThem() {
        ApiException missing = assertThrows(ApiException.class, () -> estate.run("no-such-report", Map.of()));
        assertEquals(ApiException.Reason.NOT_FOUND, missing.reason());

        ApiException unknown = assertThrows(ApiException.class, () -> estate.run("vms-without-backup", Map.of("dayz", "3")));
        assertEquals(ApiException.Reason.INVALID, unknown.reason());
        assertEquals("dayz", unknown.field());
        assertTrue(unknown.getMessage().contains("days, types, backup_source"), unknown.getMessage());

        ApiException bad = assertThrows(ApiException.class, () -> estate.run("servers-without-facts", Map.of("days", "a week")));
        assertEquals("days", bad.field());
        assertEquals("days", assertThrows(ApiException.class, () -> estate.run("vms-without-backup", Map.of("days", "-1"))).field());
        assertEquals("types", assertThrows(ApiException.class, () -> estate.run("network-without-config", Map.of("types", "x;drop"))).field());
        assertEquals("limit", assertThrows(ApiException.class, () -> estate.reports.run("identity-conflicts", Map.of(), 0, 0)).field());
        assertEquals("offset", assertThrows(ApiException.class, () -> estate.reports.run("identity-conflicts", Map.of(), 10, -1)).field());
    }

    @Test
    void pagesAreCutInTheDatabaseWhileTheTotalCountsEveryFinding() {
        for (int i = 0; i < 7; i++) {
            estate.seen(estate.entity(String.format("vm-%02d", i), "vm"), "vcenter", "vc", "vm", "vm-" + i);
        }

        ReportResult page = estate.reports.run("vms-without-backup", Map.of(), 3, 3);

        assertEquals(7, page.total());
        assertEquals(List.of("vm-03", "vm-04", "vm-05"), Estate.names(page));
        assertEquals(List.of("vm-06"), Estate.names(estate.reports.run("vms-without-backup", Map.of(), 3, 6)));
        ReportResult past = estate.reports.run("vms-without-backup", Map.of(), 3, 30);
        assertEquals(List.of(), past.rows());
        assertEquals(7, past.total(), "a page past the end still says how many findings there are");
    }

    @Test
    void sourcePatternsTakeStarAsTheOnlyWildcard() {
        long a = estate.entity("a", "server");
        estate.seen(a, "foreman", "fm?1", "server", "a");
        long b = estate.entity("b", "server");
        estate.seen(b, "foreman", "fmx1", "server", "b");

        assertEquals(List.of("a"), Estate.names(estate.run("servers-without-facts", Map.of("inventory_source", "FM?1"))));
        assertEquals(List.of("a", "b"), Estate.names(estate.run("servers-without-facts", Map.of("inventory_source", "fm*1"))));
    }
}
