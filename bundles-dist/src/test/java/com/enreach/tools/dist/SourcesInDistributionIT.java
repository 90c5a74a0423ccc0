package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.enreach.tools.plugin.commvault.CommvaultDouble;
import com.enreach.tools.plugin.dorado.DoradoDouble;
import com.enreach.tools.plugin.foreman.ForemanDouble;
import com.enreach.tools.plugin.ontap.OntapDouble;
import com.enreach.tools.plugin.oxidized.OxidizedDouble;
import com.enreach.tools.plugin.puppetdb.PuppetDbHarness;
import com.enreach.tools.plugin.vcenter.VcsimServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every source plugin syncing inside the assembled distribution, driven by the product's verbs as a user types
 * them: the platform runs as {@code bin/enreach start}; vCenter is the govmomi simulator (vcsim), PuppetDB is a real
 * PuppetDB on PostgreSQL, and Foreman, Oxidized, ONTAP, Dorado and Commvault are the plugins' HTTP doubles. Each
 * instance is an etc/source.&lt;kind&gt;-it.cfg file; the assertions read the REST API with the admin token.
 *
 * <p>The estates are linked the way real ones are: PuppetDB nodes are named after the guest host names of vcsim's
 * VMs, and Commvault protects one VM by its instance UUID and one client by its host name. The tests share one
 * platform and build on each other, so they run in order. Waits only guard against hangs; nothing asserts on timing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SourcesInDistributionIT {
    private static final int CLUSTERS = 2;
    private static final int HOSTS_PER_CLUSTER = 2;
    private static final int VMS_PER_HOST = 5;
    private static final int VMS = CLUSTERS * HOSTS_PER_CLUSTER * VMS_PER_HOST;
    private static final int PUPPET_NODES = 30;
    private static final List<String> INSTANCES = List.of("vcenter-it", "puppetdb-it", "foreman-it", "oxidized-it", "ontap-it",
            "dorado-it", "commvault-it");

    private static Distribution dist;
    private static VcsimServer vcsim;
    private static PuppetDbHarness puppetdb;
    private static ForemanDouble foreman;
    private static OxidizedDouble oxidized;
    private static OntapDouble ontap;
    private static DoradoDouble dorado;
    private static CommvaultDouble commvault;
    /** PuppetDB's nodes, in the order of their fact sets (set by the first puppet refresh). */
    private static final List<String> certnames = new ArrayList<>();

    @BeforeAll
    static void startEverything() throws Throwable {
        Path work = Path.of(System.getProperty("enreach.test.work", "target/dist-homes")).toAbsolutePath();
        // PuppetDB takes longest to come up: start it while the rest starts.
        CompletableFuture<PuppetDbHarness> pdb = CompletableFuture.supplyAsync(
                () -> PuppetDbHarness.start(work.resolve("puppetdb-sources-it"), "enreach_puppetdb_dist_it"));
        Throwable failure = null;
        try {
            dist = Distribution.copy("sources");
            dist.start();
            vcsim = VcsimServer.start(CLUSTERS, HOSTS_PER_CLUSTER, VMS_PER_HOST);
            foreman = new ForemanDouble();
            oxidized = OxidizedDouble.behindProxy();
            ontap = new OntapDouble();
            dorado = new DoradoDouble();
            commvault = new CommvaultDouble();
        } catch (Throwable t) {
            failure = t;
        }
        try {
            puppetdb = pdb.join(); // also after a failure, so that @AfterAll stops it
        } catch (CompletionException e) {
            if (failure == null) {
                failure = e.getCause();
            } else {
                failure.addSuppressed(e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }

        Map<String, String> vc = new LinkedHashMap<>();
        vcsim.config().forEach((k, v) -> vc.put(k, String.valueOf(v)));
        vc.put("page.size", "7"); // 20 VMs: RetrievePropertiesEx and two ContinueRetrievePropertiesEx
        // Verify vcsim's self-signed certificate as a user would trust a private CA, rather than insecure=true.
        vc.put("insecure", "false");
        vc.put("ca.file", vcsim.certificate().toString());
        writeCfg("vcenter-it", vc);
        writeCfg("puppetdb-it", puppetdb.cfg());
        writeCfg("foreman-it", foreman.cfg());
        writeCfg("oxidized-it", oxidized.cfg());
        writeCfg("ontap-it", ontap.cfg());
        writeCfg("dorado-it", dorado.cfg());
        writeCfg("commvault-it", commvault.cfg());
        for (String instance : INSTANCES) {
            JsonNode s = dist.awaitSource(instance, n -> n.path("present").asBoolean() && n.path("config_errors").isArray());
            assertTrue(s.path("config_errors").isEmpty(), instance + ": " + s);
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {foreman, oxidized, ontap, dorado, commvault, vcsim, puppetdb, dist}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception | AssertionError e) {
                    System.err.println("cleaning up " + c + ": " + e);
                }
            }
        }
    }

    @Test
    @Order(1)
    void everyInstanceIsListedAndItsConnectionChecksOut() {
        Distribution.Result sources = dist.cli("sources");
        assertEquals(0, sources.exit(), sources.toString());
        for (String instance : INSTANCES) {
            assertTrue(sources.out().lines().anyMatch(l -> l.startsWith(instance + " ") && l.endsWith(" ok")), sources.toString());
            Distribution.Result check = dist.cli("sources", "check", instance);
            assertEquals(0, check.exit(), check.toString());
            assertTrue(check.out().startsWith(instance + ": ok"), check.toString());
        }
    }

    @Test
    @Order(2)
    void vcenterRefreshReadsTheSimulatorsInventory() {
        refresh("vcenter", "refresh");

        assertEquals(VMS, count("/api/devices?source_system=vcenter&type=vm"));
        assertEquals(CLUSTERS * HOSTS_PER_CLUSTER, count("/api/devices?source_system=vcenter&type=hypervisor"));
        assertEquals(CLUSTERS, count("/api/devices?source_system=vcenter&type=cluster"));
        assertEquals("succeeded", dist.get("/api/sources/vcenter-it").path("last_status").asText());

        JsonNode vm = device(guestVms().get(1));
        assertEquals("vm", vm.at("/device/type").asText());
        assertEquals("vcenter-it", vm.at("/device/source_instance").asText());
        assertTrue(vm.path("interfaces").size() >= 1, vm.toString());
        assertTrue(vm.path("interfaces").get(0).path("mac").asText().matches("00:0c:29(:[0-9a-f]{2}){3}"), vm.toString());
        List<String> ips = texts(vm.path("ip_addresses"), "address");
        assertTrue(ips.stream().anyMatch(a -> a.matches("10\\.\\d+\\.\\d+\\.\\d+")), ips.toString());
        assertTrue(ips.stream().anyMatch(a -> a.startsWith("2001:db8::")), ips.toString());
        JsonNode runsOn = relationship(vm, "runs_on");
        assertTrue(runsOn.path("to_name").asText().startsWith("DC0_C"), runsOn.toString());
        assertEquals(vm.at("/device/metadata/host").asText(), runsOn.path("to_name").asText());
    }

    @Test
    @Order(3)
    void puppetRefreshAddsFactsToTheMachinesVcenterKnows() {
        // The first PuppetDB nodes are the VMs VMware Tools reports a host name for, the rest machines only Puppet knows.
        guestVms().forEach(name -> certnames.add(VcsimServer.guestHostName(name)));
        for (int i = certnames.size(); i < PUPPET_NODES; i++) {
            certnames.add(String.format("node-%04d.example.com", i));
        }
        puppetdb.loadFacts(certnames);

        refresh("puppet", "refresh");

        assertEquals(PUPPET_NODES, count("/api/devices?source_system=puppetdb"));
        // Node 2 of the estate has a full Facter 4 fact set.
        String vmName = guestVms().get(2);
        JsonNode vm = device(vmName);
        JsonNode puppetTwin = find(vm.path("same_host"), d -> "puppetdb".equals(d.path("source_system").asText()));
        assertEquals(certnames.get(2), puppetTwin.path("name").asText());
        JsonNode facts = find(vm.path("facts"), f -> "puppetdb-it".equals(f.path("source_instance").asText()));
        assertEquals("Debian", facts.path("os_name").asText());
        assertEquals("12.2", facts.path("os_release").asText());
        assertEquals(6, facts.path("cpu_count").asInt());
        assertEquals(3L << 30, facts.path("memory_bytes").asLong());
        assertTrue(texts(vm.path("ip_addresses"), "address").contains("10.0.2.10"), "Puppet's addresses join vCenter's: " + vm);
    }

    @Test
    @Order(4)
    void aResyncOfUnchangedFactsWithNewTimestampsChangesNothingAndOneChangedFactIsOneUpdate() {
        JsonNode puppetTwin = find(device(guestVms().get(2)).path("same_host"), d -> "puppetdb".equals(d.path("source_system").asText()));
        long twinId = puppetTwin.path("id").asLong();
        JsonNode before = dist.get("/api/devices/" + twinId);
        List<Long> interfaceIds = ids(before.path("interfaces"), twinId);
        List<Long> ipIds = ids(before.path("ip_addresses"), twinId);
        assertFalse(interfaceIds.isEmpty() || ipIds.isEmpty(), "the node has interfaces and addresses: " + before);

        // The next agent run of every node: the same facts, a later timestamp, half an hour more uptime.
        puppetdb.resendFacts(certnames, Instant.parse("2024-05-01T10:30:00Z"), Duration.ofMinutes(30), (certname, values) -> { });
        JsonNode quiet = puppetRun();

        assertEquals("succeeded", quiet.path("status").asText(), quiet.toString());
        assertEquals(0, quiet.path("updated").asLong(), "new timestamps and uptimes are no change: " + quiet);
        assertEquals(PUPPET_NODES, quiet.path("unchanged").asLong(), quiet.toString());
        assertEquals(0, quiet.path("added").asLong(), quiet.toString());
        assertEquals(0, quiet.path("stale").asLong(), quiet.toString());
        assertEquals(0, quiet.at("/changes/total").asLong(), quiet.toString());
        assertEquals(0, dist.get("/api/sync/runs/" + quiet.path("id").asLong() + "/changes").path("count").asLong());
        JsonNode after = dist.get("/api/devices/" + twinId);
        assertEquals(interfaceIds, ids(after.path("interfaces"), twinId), "interfaces keep their rows: " + after);
        assertEquals(ipIds, ids(after.path("ip_addresses"), twinId), "addresses keep their rows: " + after);
        // Volatile values are not compared, but they are kept current.
        assertNotEquals(before.at("/device/metadata/facts_timestamp").asText(), after.at("/device/metadata/facts_timestamp").asText(), after.toString());
        assertEquals(puppetFacts(before).path("uptime_seconds").asLong() + 1800, puppetFacts(after).path("uptime_seconds").asLong(), after.toString());

        // Then the machine gets more memory.
        String grown = puppetTwin.path("name").asText();
        puppetdb.resendFacts(certnames, Instant.parse("2024-05-01T11:00:00Z"), Duration.ofMinutes(60), (certname, values) -> {
            if (certname.equals(grown)) {
                ((ObjectNode) values.at("/memory/system")).put("total_bytes", 8L << 30).put("total", "8 GiB");
            }
        });
        JsonNode one = puppetRun();

        assertEquals("succeeded", one.path("status").asText(), one.toString());
        assertEquals(1, one.path("updated").asLong(), one.toString());
        assertEquals(PUPPET_NODES - 1, one.path("unchanged").asLong(), one.toString());
        assertEquals(0, one.path("added").asLong() + one.path("stale").asLong(), one.toString());
        JsonNode changes = dist.get("/api/sync/runs/" + one.path("id").asLong() + "/changes?limit=100");
        assertTrue(changes.path("count").asLong() >= 1, changes.toString());
        for (JsonNode c : changes.path("results")) {
            assertEquals(twinId, c.path("device_id").asLong(), "only the grown machine changed: " + changes);
        }
        find(changes.path("results"), c -> StreamSupport.stream(c.path("fields").spliterator(), false).anyMatch(f -> f.asText().contains("memory_bytes")));
        assertEquals(8L << 30, puppetFacts(dist.get("/api/devices/" + twinId)).path("memory_bytes").asLong());
    }

    @Test
    @Order(5)
    void foremanRefreshReadsEveryPageOfHosts() {
        refresh("foreman", "refresh");

        assertEquals(5, count("/api/devices?source_system=foreman"));
        JsonNode web = device("web01.example.com");
        assertEquals("server", web.at("/device/type").asText());
        assertEquals("Base/Web", web.at("/device/metadata/hostgroup").asText());
        assertTrue(texts(web.path("ip_addresses"), "address").contains("192.0.2.10"), web.toString());
        assertEquals("vm", device("zürich-app-01.example.com").at("/device/type").asText());
    }

    @Test
    @Order(6)
    void oxidizedRefreshStoresConfigsAndAChangedConfigBecomesVersionTwo() {
        refresh("oxidized", "refresh");

        assertEquals(6, count("/api/devices?source_system=oxidized"));
        Distribution.Result list = dist.cli("oxidized", "list");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("core-sw-01.example.net") && l.contains("192.0.2.1") && l.contains("success")),
                list.toString());
        assertTrue(list.out().contains("Zürich Access 1"), list.toString());
        JsonNode core = device("core-sw-01.example.net");
        assertEquals(List.of(1), ints(core.path("configs"), "version"));
        Distribution.Result v1 = dist.cli("devices", "config", "core-sw-01.example.net", "1");
        assertEquals(0, v1.exit(), v1.toString());
        assertEquals(OxidizedDouble.CORE_CFG, v1.out(), "stored as Oxidized served it");

        // The next Oxidized backup finds a changed NTP server.
        oxidized.setConfig(OxidizedDouble.CORE_SW, OxidizedDouble.CORE_CFG.replace("ntp server 192.0.2.123", "ntp server 192.0.2.124"));
        refresh("oxidized", "refresh");

        assertEquals(List.of(2, 1), ints(device("core-sw-01.example.net").path("configs"), "version"), "newest first");
        assertEquals(List.of(1), ints(device("Zürich Access 1").path("configs"), "version"), "an unchanged config is no new version");
        Distribution.Result diff = dist.cli("devices", "diff", "core-sw-01.example.net");
        assertEquals(0, diff.exit(), diff.toString());
        assertTrue(diff.out().contains("-ntp server 192.0.2.123") && diff.out().contains("+ntp server 192.0.2.124"), diff.toString());
    }

    @Test
    @Order(7)
    void storageRefreshReadsDoradoLunsAndOntapVolumesAndQtrees() {
        refresh("storage", "refresh", "--type", "dorado");
        refresh("storage", "refresh", "--type", "netapp");

        assertEquals(5, count("/api/devices?source_system=dorado"));
        assertEquals(8, count("/api/devices?source_system=ontap"));
        assertEquals(5, count("/api/storage/volumes?source_system=dorado&kind=lun"));
        assertEquals(2, count("/api/storage/volumes?source_system=dorado&kind=filesystem"));
        JsonNode lun = find(dist.get("/api/storage/volumes?source_system=dorado&kind=lun&limit=100").path("results"),
                v -> "ora-datos-ñ-東京".equals(v.path("name").asText()));
        assertEquals(100L << 30, lun.path("capacity_bytes").asLong(), "209715200 sectors of 512 bytes");
        assertEquals(20L << 30, lun.path("allocated_bytes").asLong());
        assertEquals("dorado-ams-01", lun.path("array_name").asText());

        assertEquals(4, count("/api/storage/volumes?source_system=ontap&kind=volume"), "the ONTAP double has a fourth volume after an empty page");
        assertEquals(3, count("/api/storage/volumes?source_system=ontap&kind=qtree"));
        JsonNode vol = find(dist.get("/api/storage/volumes?source_system=ontap&kind=volume&limit=100").path("results"),
                v -> "vol_data01".equals(v.path("name").asText()));
        assertEquals(107374182400L, vol.path("capacity_bytes").asLong());
        assertEquals("svm_nfs", vol.path("svm").asText());
        assertEquals("ocean-cl01", vol.path("array_name").asText());

        Distribution.Result volumes = dist.cli("storage", "volumes", "--kind", "qtree");
        assertEquals(0, volumes.exit(), volumes.toString());
        assertTrue(volumes.out().contains("3 of 3 volumes"), volumes.toString());
        assertTrue(volumes.out().lines().anyMatch(l -> l.contains("ocean-cl01") && l.contains("qtree")), volumes.toString());
    }

    @Test
    @Order(8)
    void commvaultRefreshLinksBackupsToVcenterVmsByGuidAndHostName() {
        List<String> guests = guestVms();
        JsonNode byGuid = device(guests.get(3));
        String uuid = byGuid.at("/device/metadata/instance_uuid").asText();
        assertFalse(uuid.isEmpty(), byGuid.toString());
        commvault.addVm(byGuid.at("/device/name").asText(), uuid.toUpperCase());
        JsonNode byHost = device(guests.get(4));
        commvault.addClient(4711, "app-backup-client", VcsimServer.guestHostName(guests.get(4)));

        refresh("commvault", "refresh");

        JsonNode backups = dist.get("/api/backups?source_system=commvault&limit=100");
        assertEquals(3 + 3 + 2, backups.path("count").asInt(), backups.toString());
        JsonNode vmBackup = find(backups.path("results"), b -> uuid.equalsIgnoreCase(b.path("vm_guid").asText()));
        assertEquals(byGuid.at("/device/id").asLong(), vmBackup.path("device_id").asLong(), "linked by the VM's instance UUID: " + vmBackup);
        assertEquals("Completed", vmBackup.at("/last_job/status").asText());
        JsonNode client = find(backups.path("results"), b -> "app-backup-client".equals(b.path("client_name").asText()));
        Set<Long> sameMachine = new TreeSet<>();
        sameMachine.add(byHost.at("/device/id").asLong());
        byHost.path("same_host").forEach(d -> sameMachine.add(d.path("id").asLong()));
        assertTrue(sameMachine.contains(client.path("device_id").asLong()), "linked by host name to " + sameMachine + ": " + client);
        JsonNode fs = find(backups.path("results"), b -> "fs-ams-01".equals(b.path("client_name").asText()));
        assertEquals("Failed", fs.at("/last_job/status").asText());
        assertEquals(3, fs.path("jobs").size(), "jobs read over two pages");

        JsonNode vmDetail = device(guests.get(3));
        assertTrue(StreamSupport.stream(vmDetail.path("backups").spliterator(), false).anyMatch(b -> uuid.equalsIgnoreCase(b.path("vm_guid").asText())),
                "the VM shows its backup: " + vmDetail);
    }

    @Test
    @Order(9)
    void aWrongPasswordFailsItsCheckAndRunWhileTheOtherInstancesStillSync() throws IOException {
        Map<String, String> wrong = new LinkedHashMap<>(dorado.cfg());
        wrong.put(".password", "not-" + DoradoDouble.PASSWORD);
        writeCfg("dorado-wrongpw", wrong);
        JsonNode s = dist.awaitSource("dorado-wrongpw", n -> n.path("present").asBoolean() && n.path("config_errors").isArray());
        assertTrue(s.path("config_errors").isEmpty(), "a wrong password is no configuration error: " + s);

        Distribution.Result check = dist.cli("sources", "check", "dorado-wrongpw");
        assertEquals(1, check.exit(), check.toString());
        assertTrue(check.out().contains("dorado-wrongpw: check failed"), check.toString());
        assertTrue(check.out().lines().anyMatch(l -> l.trim().startsWith("username: ") && l.endsWith("(auth)")), check.toString());
        assertFalse(check.out().contains(DoradoDouble.PASSWORD) || check.err().contains(DoradoDouble.PASSWORD), check.toString());

        long before = dist.get("/api/sources/dorado-it").path("last_run_id").asLong();
        Distribution.Result storage = dist.cli("storage", "refresh", "--type", "dorado");
        assertEquals(1, storage.exit(), "the worst instance decides the exit code: " + storage);
        assertTrue(storage.out().lines().anyMatch(l -> l.startsWith("dorado-it: run ") && l.contains(" succeeded")), storage.toString());
        assertTrue(storage.err().contains("dorado-wrongpw"), storage.toString());
        JsonNode good = dist.get("/api/sources/dorado-it");
        assertNotEquals(before, good.path("last_run_id").asLong());
        assertEquals("succeeded", good.path("last_status").asText());
        assertEquals("failed", dist.get("/api/sources/dorado-wrongpw").path("last_status").asText());

        for (String[] verb : List.of(new String[] {"vcenter", "refresh"}, new String[] {"foreman", "refresh"}, new String[] {"puppet", "refresh"},
                new String[] {"oxidized", "refresh"}, new String[] {"storage", "refresh", "--type", "netapp"}, new String[] {"commvault", "refresh"})) {
            refresh(verb);
        }
        for (String instance : INSTANCES) {
            assertEquals("succeeded", dist.get("/api/sources/" + instance).path("last_status").asText(), instance);
        }
        assertEquals(VMS, count("/api/devices?source_system=vcenter&type=vm&status=active"));
        assertEquals(5, count("/api/devices?source_system=dorado&status=active"));
    }

    // ------------------------------------------------------------------ helpers

    /** Runs {@code enreach puppet refresh}; the run as GET /api/sync/runs/{id} shows it, with its change summary. */
    private static JsonNode puppetRun() {
        long before = dist.get("/api/sources/puppetdb-it").path("last_run_id").asLong();
        refresh("puppet", "refresh");
        long run = dist.get("/api/sources/puppetdb-it").path("last_run_id").asLong();
        assertNotEquals(before, run, "puppet refresh started a run");
        return dist.get("/api/sync/runs/" + run);
    }

    private static JsonNode puppetFacts(JsonNode detail) {
        return find(detail.path("facts"), f -> "puppetdb-it".equals(f.path("source_instance").asText()));
    }

    /** The ids of a device detail's rows (interfaces or addresses) that belong to the device itself, in order. */
    private static List<Long> ids(JsonNode rows, long deviceId) {
        List<Long> out = new ArrayList<>();
        rows.forEach(r -> {
            if (!r.has("device_id") || r.path("device_id").asLong() == deviceId) {
                out.add(r.path("id").asLong());
            }
        });
        return out;
    }

    /** Runs a product verb and expects exit code 0. */
    private static Distribution.Result refresh(String... args) {
        Distribution.Result r = dist.cli(args);
        assertEquals(0, r.exit(), "bin/enreach " + String.join(" ", args) + ": " + r);
        assertTrue(r.out().contains(" succeeded"), r.toString());
        return r;
    }

    /** Names of the vCenter VMs with a guest host name (VMware Tools running), in name order. */
    private static List<String> guestVms() {
        List<String> names = new ArrayList<>();
        for (JsonNode d : dist.get("/api/devices?source_system=vcenter&type=vm&limit=1000").path("results")) {
            if ("toolsOk".equals(d.at("/metadata/tools_status").asText())) {
                names.add(d.path("name").asText());
            }
        }
        names.sort(null);
        assertTrue(names.size() >= 5, "vcsim gives every second VM guest data: " + names);
        return names;
    }

    private static long count(String path) {
        JsonNode page = dist.get(path + (path.contains("?") ? "&" : "?") + "limit=1");
        assertTrue(page.has("count"), path + ": " + page);
        return page.path("count").asLong();
    }

    /** GET /api/devices/{name}: the device with relationships, same host, interfaces, IPs, facts, configs, backups. */
    private static JsonNode device(String name) {
        JsonNode d = dist.get("/api/devices/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        assertFalse(d.isMissingNode(), "no device " + name);
        return d;
    }

    private static JsonNode relationship(JsonNode detail, String type) {
        return find(detail.path("relationships"), r -> type.equals(r.path("type").asText()));
    }

    private static JsonNode find(JsonNode array, java.util.function.Predicate<JsonNode> p) {
        for (JsonNode n : array) {
            if (p.test(n)) {
                return n;
            }
        }
        throw new AssertionError("nothing matching in " + array);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode array, String field) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asInt()));
        return out;
    }

    @Test
    @Order(10)
    void noSecretAppearsInLogsApiAnswersOrTheCli() throws IOException {
        List<String> secrets = List.of(VcsimServer.PASSWORD, ForemanDouble.PASSWORD, OxidizedDouble.PASSWORD, OntapDouble.PASSWORD,
                DoradoDouble.PASSWORD, CommvaultDouble.PASSWORD);
        StringBuilder seen = new StringBuilder();
        try (java.util.stream.Stream<Path> logs = java.nio.file.Files.list(dist.home().resolve("log"))) {
            for (Path log : logs.filter(java.nio.file.Files::isRegularFile).toList()) {
                seen.append(new String(java.nio.file.Files.readAllBytes(log), StandardCharsets.UTF_8));
            }
        }
        seen.append(dist.get("/api/sources"));
        for (String instance : INSTANCES) {
            seen.append(dist.get("/api/sources/" + instance));
        }
        assertTrue(seen.length() > 1000, "logs and answers were read");
        for (String secret : secrets) {
            assertFalse(seen.toString().contains(secret), "a configured secret leaked into the logs or the API");
        }
    }

    /**
     * Writes etc/source.&lt;instance&gt;.cfg as UTF-8, as a person would: the vCenter password has non-ASCII
     * characters, so this also checks that the platform reads configuration files as UTF-8.
     */
    private static void writeCfg(String instance, Map<String, String> keys) throws IOException {
        StringBuilder sb = new StringBuilder("# written by SourcesInDistributionIT\n");
        keys.forEach((k, v) -> sb.append(k).append('=').append(escape(v)).append('\n'));
        dist.writeConfig("source." + instance + ".cfg", sb.toString());
    }

    private static String escape(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == '\\') {
                sb.append("\\\\");
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
