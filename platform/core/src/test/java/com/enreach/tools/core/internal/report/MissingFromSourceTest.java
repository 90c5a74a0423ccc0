package com.enreach.tools.core.internal.report;

import static com.enreach.tools.core.internal.report.Estate.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.ReportResult;
import com.enreach.tools.api.plugin.FieldError;

/** Expectations from the configuration (or given as parameters), what "known to" means, and the configuration's field errors. */
class MissingFromSourceTest extends EstateTest {
    private List<String> rows(ReportResult r) {
        return r.rows().stream().map(x -> x.entityName() + " " + x.values().get("expectation") + " " + x.values().get("missing_from")).toList();
    }

    @Test
    void theShippedExpectationsFindVmsMissingFromPuppetDbOrCommvaultAndForemanHostsMissingFromPuppetDb() {
        long full = estate.entity("vm-full", "vm");
        long f1 = estate.seen(full, "demo", "demo-vcenter", "vm", "vm-full");
        estate.seen(full, "demo", "demo-puppetdb", "vm", "vm-full");
        estate.backup("demo", "demo-commvault", "vm-full", f1, null, Estate.daysAgo(40), "active"); // an old backup still means known
        long guid = estate.entity("vm-guid", "vm");
        long g1 = estate.seen(guid, "vcenter", "vc-prod", "vm", "vm-guid");
        estate.key(g1, "instance_uuid", "5032-77");
        estate.seen(guid, "puppetdb", "pdb", "vm", "vm-guid");
        estate.backup("commvault", "cv", "vm-guid", null, "5032-77", null, "active");
        long noBackup = estate.entity("vm-no-backup", "vm");
        estate.seen(noBackup, "vcenter", "vc-prod", "vm", "vm-no-backup");
        estate.seen(noBackup, "puppetdb", "pdb", "vm", "vm-no-backup");
        long alone = estate.entity("vm-alone", "vm");
        estate.seen(alone, "vcenter", "vc-prod", "vm", "vm-alone");
        estate.observation(alone, "puppetdb", "pdb", "vm", "vm-alone", "stale", "{}");
        long host = estate.entity("host-fm", "server");
        estate.seen(host, "foreman", "foreman-prod", "server", "host-fm");
        // Near misses: a vCenter host (type hypervisor) is no VM, and a VM vCenter no longer sees is under no expectation.
        estate.seen(estate.entity("esx01", "hypervisor"), "vcenter", "vc-prod", "hypervisor", "esx01");
        estate.observation(estate.entity("vm-gone", "vm"), "vcenter", "vc-prod", "vm", "vm-gone", "stale", "{}");

        ReportResult r = estate.run("missing-from-source", Map.of());

        assertEquals(List.of("host-fm foreman-hosts *puppetdb*", "vm-alone vcenter-vms *puppetdb*", "vm-alone vcenter-vms *commvault*",
                "vm-no-backup vcenter-vms *commvault*"), rows(r));
        Map<String, Object> alone1 = r.rows().get(1).values();
        assertEquals("vc-prod", alone1.get("seen_by"));
        assertEquals("pdb", alone1.get("stale_there"));
        assertEquals(List.of("host-fm foreman-hosts *puppetdb*"), rows(estate.run("missing-from-source", Map.of("expectation", "foreman-hosts"))));
        assertEquals(List.of("vm-full ad-hoc foreman*"), rows(estate.run("missing-from-source",
                Map.of("seen_by", "demo-*", "known_to", "foreman*"))));
        assertEquals(List.of("esx01", "host-fm"), names(estate.run("missing-from-source",
                Map.of("seen_by", "*", "known_to", "vc-prod, foreman*", "types", "hypervisor,server"))).stream().distinct().toList());
    }

    @Test
    void configuredExpectationsReplaceTheShippedOnes() {
        long sw = estate.entity("sw1", "network_device");
        estate.seen(sw, "oxidized", "oxidized-1", "network_device", "sw1");
        estate.seen(estate.entity("vm-alone", "vm"), "vcenter", "vc", "vm", "vm-alone");
        estate.reports.configure(Map.of("expect.switches.types", "network_device, switch", "expect.switches.seen.by", "*oxidized*",
                "expect.switches.known.to", "*netbox*", "service.pid", "enreach.reports", "component.name", "x",
                "felix.fileinstall.filename", "file:/etc/enreach.reports.cfg", "osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)"));

        assertEquals(List.of(), estate.reports.configErrors());
        assertEquals(List.of("sw1 switches *netbox*"), rows(estate.run("missing-from-source", Map.of())));
        assertTrue(estate.reports.reports().stream().filter(i -> i.name().equals("missing-from-source")).findFirst().orElseThrow()
                .description().contains("switches = network_device/switch seen by *oxidized* known to *netbox*"));
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        ApiException e = assertThrows(ApiException.class, () -> estate.run("missing-from-source", Map.of("expectation", "nope")));
        assertEquals("expectation", e.field());
        assertTrue(e.getMessage().contains("vcenter-vms, foreman-hosts"), e.getMessage());
        assertEquals("known_to", assertThrows(ApiException.class, () -> estate.run("missing-from-source", Map.of("seen_by", "*vcenter*"))).field());
        assertEquals("types", assertThrows(ApiException.class, () -> estate.run("missing-from-source", Map.of("types", "vm"))).field());
    }

    @Test
    void everyBadKeyOfTheConfigurationIsAFieldErrorAndFallsBackToItsDefault() {
        List<FieldError> errors = new ArrayList<>();
        ReportSettings s = ReportSettings.read(Map.of("source.facts", " , ", "network.types", "switch, Not A Type", "colour", "blue",
                "expect.broken.seen.by", "*vcenter*", "expect.Bad Name.types", "vm", "expect.ok.seen.by", "*a*", "expect.ok.known.to", "*b*",
                "expect.ok.when", "always"), errors);

        assertEquals(List.of("colour", "expect.Bad Name.types", "expect.broken.known.to", "expect.ok.when", "network.types", "source.facts"),
                errors.stream().map(FieldError::field).sorted().toList(), errors.toString());
        assertEquals("*puppetdb*", s.facts().toString());
        assertEquals(List.of("network_device", "switch", "router", "firewall", "load_balancer"), s.networkTypes());
        assertEquals(List.of("ok"), s.expectations().stream().map(Expectation::name).toList(), "the broken expectation is left out");
    }
}
