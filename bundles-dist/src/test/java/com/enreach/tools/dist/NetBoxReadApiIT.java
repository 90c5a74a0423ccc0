package com.enreach.tools.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The NetBox-compatible read API in the shipped distribution: a demo estate (view {@code all}) synced, then read at
 * {@code /netbox/api/...} by raw HTTP, by Debian's pynetbox and by Ansible's {@code netbox.netbox.nb_inventory}, all
 * compared with what the platform's own {@code /api/entities} says; finally the netbox jars are taken out of deploy/
 * and put back while the platform runs. The tests share one platform and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetBoxReadApiIT {
    private static final int SIZE = 200;
    private static final Duration CLIENT = Duration.ofMinutes(3);
    private static Distribution dist;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static String viewerToken;

    @BeforeAll
    static void startAndSync() throws IOException {
        dist = Distribution.copy("netbox-read");
        dist.start();
        dist.writeConfig("source.demo-x.cfg", "view=all\nsize=" + SIZE + "\nseed=5\nchurn.percent=0\n");
        dist.awaitSource("demo-x", s -> s.path("present").asBoolean());
        Distribution.Result sync = dist.cli("sync", "demo-x");
        assertTrue(sync.out().contains("succeeded"), sync.toString());
        // identity resolution and golden records follow the sync asynchronously: wait until every entity has its sources
        Distribution.await("golden records of the demo estate", Duration.ofMinutes(2), () -> dist.get("/api/entities?limit=1000"),
                page -> page.path("count").asLong() == SIZE && page.path("results").size() == SIZE
                        && allMatch(page.path("results"), e -> e.path("sources").size() > 0));
        HttpResponse<String> created = send("POST", dist.baseUrl() + "/api/tokens", "Bearer " + dist.adminToken(),
                "{\"name\":\"netbox-readers\",\"role\":\"viewer\"}");
        assertEquals(201, created.statusCode(), created.body());
        viewerToken = Distribution.parse(created.body()).path("secret").asText();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (dist != null) {
            dist.close();
        }
    }

    @Test
    @Order(1)
    void countsAreThoseOfTheEntitiesPerType() {
        long all = entities("").path("count").asLong();
        long vms = entities("&type=vm").path("count").asLong();
        long clusters = entities("&type=cluster").path("count").asLong();
        assertTrue(vms > 0 && clusters > 0 && all > vms + clusters, "the demo estate has VMs, clusters and devices");
        assertEquals(all - vms - clusters, netbox("/api/dcim/devices/?limit=1").path("count").asLong());
        assertEquals(vms, netbox("/api/virtualization/virtual-machines/?limit=1").path("count").asLong());
        assertEquals(clusters, netbox("/api/virtualization/clusters/?limit=1").path("count").asLong());
    }

    @Test
    @Order(2)
    void pagingWalksEveryObjectOnce() {
        assertEquals(ids(entities("&type=vm").path("results")), walk("/api/virtualization/virtual-machines/?limit=50"));
        Set<Long> devices = walk("/api/dcim/devices/?limit=7");
        assertEquals(netbox("/api/dcim/devices/?limit=1").path("count").asLong(), devices.size());
        Set<Long> expected = new TreeSet<>();
        for (JsonNode e : entities("").path("results")) {
            if (!Set.of("vm", "cluster").contains(e.path("type").asText())) {
                expected.add(e.path("id").asLong());
            }
        }
        assertEquals(expected, devices, "device ids are entity ids");
    }

    @Test
    @Order(3)
    void filtersNarrow() {
        JsonNode all = netbox("/api/dcim/devices/?limit=0");
        long total = all.path("count").asLong();
        JsonNode withSite = first(all.path("results"), d -> !d.path("site").isNull());
        String site = withSite.at("/site/slug").asText();
        JsonNode inSite = netbox("/api/dcim/devices/?limit=0&site=" + site);
        assertTrue(inSite.path("count").asLong() > 0 && inSite.path("count").asLong() < total, "site " + site + " narrows");
        assertTrue(allMatch(inSite.path("results"), d -> d.at("/site/slug").asText().equals(site)));
        assertEquals(entities("&site=" + enc(withSite.at("/site/name").asText())).path("count").asLong()
                - entities("&type=vm&site=" + enc(withSite.at("/site/name").asText())).path("count").asLong()
                - entities("&type=cluster&site=" + enc(withSite.at("/site/name").asText())).path("count").asLong(),
                inSite.path("count").asLong(), "the site's devices per /api/entities");
        String role = withSite.at("/role/slug").asText();
        JsonNode both = netbox("/api/dcim/devices/?limit=0&site=" + site + "&role=" + role);
        assertTrue(both.path("count").asLong() > 0 && both.path("count").asLong() <= inSite.path("count").asLong());
        assertTrue(allMatch(both.path("results"), d -> d.at("/role/slug").asText().equals(role)));
        JsonNode named = netbox("/api/dcim/devices/?name=" + enc(withSite.path("name").asText()));
        assertEquals(1, named.path("count").asLong());
        assertEquals(withSite.path("id"), named.at("/results/0/id"));
        JsonNode vm = netbox("/api/virtualization/virtual-machines/?limit=1").at("/results/0");
        if (!vm.path("cluster").isNull()) {
            JsonNode ofCluster = netbox("/api/virtualization/virtual-machines/?limit=0&cluster_id=" + vm.at("/cluster/id").asLong());
            assertTrue(allMatch(ofCluster.path("results"), v -> v.at("/cluster/id").asLong() == vm.at("/cluster/id").asLong()));
        }
        long vmId = vm.path("id").asLong();
        JsonNode ips = netbox("/api/ipam/ip-addresses/?virtual_machine_id=" + vmId);
        assertTrue(allMatch(ips.path("results"), ip -> ip.at("/assigned_object/virtual_machine/id").asLong() == vmId));
    }

    @Test
    @Order(4)
    void briefOneByIdAndNetBoxErrors() {
        JsonNode brief = netbox("/api/dcim/devices/?brief=true&limit=3");
        for (JsonNode d : brief.path("results")) {
            Set<String> fields = new TreeSet<>();
            d.fieldNames().forEachRemaining(fields::add);
            assertEquals(Set.of("description", "display", "id", "name", "url"), fields);
            assertTrue(d.path("url").asText().startsWith(dist.baseUrl() + "/netbox/api/dcim/devices/"), d.toString());
        }
        long id = brief.at("/results/0/id").asLong();
        JsonNode one = netbox("/api/dcim/devices/" + id + "/");
        assertEquals(id, one.at("/custom_fields/enreach_entity_id").asLong());
        assertEquals(dist.get("/api/entities/" + id).at("/entity/name").asText(), one.path("name").asText());
        HttpResponse<String> missing = send("GET", dist.baseUrl() + "/netbox/api/dcim/devices/999999999/", "Token " + viewerToken, null);
        assertEquals(404, missing.statusCode());
        assertEquals("No Device matches the given query.", Distribution.parse(missing.body()).path("detail").asText());
        HttpResponse<String> write = send("POST", dist.baseUrl() + "/netbox/api/dcim/devices/", "Token " + dist.adminToken(), "{\"name\":\"x\"}");
        assertEquals(405, write.statusCode());
        assertEquals("Method \"POST\" not allowed.", Distribution.parse(write.body()).path("detail").asText());
    }

    @Test
    @Order(5)
    void platformTokensTheNetBoxWayOrAsBearerAnythingElse403() {
        String url = dist.baseUrl() + "/netbox/api/dcim/devices/?limit=1";
        assertEquals(200, send("GET", url, "Token " + viewerToken, null).statusCode());
        assertEquals(200, send("GET", url, "Bearer " + viewerToken, null).statusCode());
        HttpResponse<String> none = send("GET", url, null, null);
        assertEquals(403, none.statusCode());
        assertEquals("Authentication credentials were not provided.", Distribution.parse(none.body()).path("detail").asText());
        HttpResponse<String> bad = send("GET", url, "Token not-a-platform-token", null);
        assertEquals(403, bad.statusCode());
        assertEquals("Invalid token", Distribution.parse(bad.body()).path("detail").asText());
    }

    @Test
    @Order(6)
    void pynetboxReadsTheShadow() throws IOException {
        JsonNode devices = netbox("/api/dcim/devices/?limit=0");
        JsonNode withSite = first(devices.path("results"), d -> !d.path("site").isNull());
        String site = withSite.at("/site/slug").asText();
        Path script = resource("netbox/pynetbox_read.py", "pynetbox_read.py");
        Distribution.Result r = run(List.of("/usr/bin/python3", script.toString()),
                Map.of("NB_URL", dist.baseUrl() + "/netbox", "NB_TOKEN", viewerToken, "NB_SITE", site));
        assertEquals(0, r.exit(), r.toString());
        JsonNode seen = Distribution.parse(r.out());
        assertEquals("4.2.0", seen.path("status").asText());
        assertEquals("4.2", seen.path("version").asText());
        assertEquals(ids(devices.path("results")), longs(seen.path("device_ids")));
        assertEquals(devices.path("count").asLong(), seen.path("device_count").asLong());
        assertEquals(walk("/api/virtualization/virtual-machines/?limit=1000"), longs(seen.path("vm_ids")));
        assertEquals(ids(netbox("/api/dcim/devices/?limit=0&site=" + site).path("results")), longs(seen.path("site_ids")));
        assertEquals(List.of(site), List.of(seen.path("site_slugs").get(0).asText()));
        assertEquals(1, seen.path("site_slugs").size());
        JsonNode got = netbox("/api/dcim/devices/?name=" + enc(seen.path("get_name").asText())).at("/results/0");
        assertEquals(got.path("id").asLong(), seen.path("get_id").asLong());
        assertEquals(got.at("/role/slug").asText(), seen.path("get_role").asText());
        assertEquals(ids(entities("&type=cluster").path("results")), longs(seen.path("cluster_ids")));
    }

    @Test
    @Order(7)
    void ansibleInventoryGroupsTheHosts() throws IOException {
        Path dir = Files.createTempDirectory(dist.home(), "ansible-");
        String template = new String(stream("netbox/netbox_inventory.yml.template").readAllBytes(), StandardCharsets.UTF_8);
        Path inventory = dir.resolve("netbox.yml");
        Files.writeString(inventory, template.replace("@URL@", dist.baseUrl() + "/netbox").replace("@TOKEN@", viewerToken));
        Distribution.Result r = run(List.of("ansible-inventory", "-i", inventory.toString(), "--list"),
                Map.of("HOME", dir.toString(), "ANSIBLE_LOCAL_TEMP", dir.resolve("tmp").toString(), "ANSIBLE_NOCOLOR", "1"));
        assertEquals(0, r.exit(), r.toString());
        JsonNode inv = Distribution.parse(r.out());
        Set<String> hosts = new TreeSet<>();
        inv.at("/_meta/hostvars").fieldNames().forEachRemaining(hosts::add);
        Set<String> expected = new TreeSet<>();
        JsonNode devices = netbox("/api/dcim/devices/?limit=0");
        JsonNode vms = netbox("/api/virtualization/virtual-machines/?limit=0");
        devices.path("results").forEach(d -> expected.add(d.path("name").asText()));
        vms.path("results").forEach(v -> expected.add(v.path("name").asText()));
        assertEquals(expected, hosts, r.err());
        JsonNode device = first(devices.path("results"), d -> !d.path("site").isNull() && !d.path("role").isNull());
        assertTrue(members(inv, "sites_" + device.at("/site/slug").asText()).contains(device.path("name").asText()), r.out());
        assertTrue(members(inv, "device_roles_" + device.at("/role/slug").asText()).contains(device.path("name").asText()), r.out());
        Set<String> inSite = new TreeSet<>();
        netbox("/api/dcim/devices/?limit=0&site=" + device.at("/site/slug").asText()).path("results").forEach(d -> inSite.add(d.path("name").asText()));
        netbox("/api/virtualization/virtual-machines/?limit=0&site=" + device.at("/site/slug").asText()).path("results")
                .forEach(d -> inSite.add(d.path("name").asText()));
        assertEquals(inSite, members(inv, "sites_" + device.at("/site/slug").asText()));
        JsonNode vm = first(vms.path("results"), v -> !v.path("cluster").isNull());
        assertTrue(members(inv, "cluster_" + vm.at("/cluster/name").asText()).contains(vm.path("name").asText()), r.out());
    }

    @Test
    @Order(8)
    void netboxJarsComeAndGoWhileThePlatformRuns() throws IOException {
        long entitiesBefore = entities("").path("count").asLong();
        long devicesBefore = netbox("/api/dcim/devices/?limit=1").path("count").asLong();
        Path deploy = dist.home().resolve("deploy");
        Path parked = Files.createTempDirectory(dist.home(), "parked-");
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(deploy, "com.enreach.tools.plugin.netbox*.jar")) {
            ds.forEach(jars::add);
        }
        assertTrue(jars.stream().anyMatch(j -> j.getFileName().toString().startsWith("com.enreach.tools.plugin.netbox.api")), jars.toString());
        for (Path jar : jars) {
            Files.move(jar, parked.resolve(jar.getFileName()));
        }
        String root = dist.baseUrl() + "/netbox/api/dcim/devices/?limit=1";
        Distribution.await("/netbox/api gone", Duration.ofSeconds(60), () -> send("GET", root, "Token " + viewerToken, null).statusCode(),
                s -> s == 404);
        assertEquals(entitiesBefore, entities("").path("count").asLong(), "the golden records stay");
        assertEquals(200, send("GET", dist.baseUrl() + "/api/sources", "Bearer " + viewerToken, null).statusCode(), "tokens stay valid");
        for (Path jar : jars) {
            Files.move(parked.resolve(jar.getFileName()), jar);
        }
        Distribution.await("/netbox/api back", Duration.ofSeconds(60), () -> send("GET", root, "Token " + viewerToken, null).statusCode(),
                s -> s == 200);
        assertEquals(devicesBefore, netbox("/api/dcim/devices/?limit=1").path("count").asLong());
        assertEquals(entitiesBefore, entities("").path("count").asLong());
    }

    // ------------------------------------------------------------------ helpers

    /** /api/entities with filters given as {@code &name=value...} (the estate fits in one page of 1,000). */
    private static JsonNode entities(String query) {
        JsonNode page = dist.get("/api/entities?limit=1000" + query);
        assertFalse(page.isMissingNode(), "/api/entities" + query);
        return page;
    }

    private static JsonNode netbox(String path) {
        HttpResponse<String> r = send("GET", dist.baseUrl() + "/netbox" + path, "Token " + viewerToken, null);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return Distribution.parse(r.body());
    }

    /** Follows next links from the first page; every id must come once. */
    private static Set<Long> walk(String first) {
        Set<Long> seen = new TreeSet<>();
        String next = dist.baseUrl() + "/netbox" + first;
        while (next != null) {
            assertTrue(next.startsWith(dist.baseUrl() + "/netbox/api/"), next);
            HttpResponse<String> r = send("GET", next, "Token " + viewerToken, null);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode page = Distribution.parse(r.body());
            for (JsonNode o : page.path("results")) {
                assertTrue(seen.add(o.path("id").asLong()), "twice: " + o.path("id") + " on " + next);
            }
            next = page.path("next").isNull() ? null : page.path("next").asText();
        }
        return seen;
    }

    private static HttpResponse<String> send(String method, String url, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Distribution.Result run(List<String> command, Map<String, String> env) throws IOException {
        Path out = Files.createTempFile(dist.home().resolve("log"), "client-", ".out");
        Path err = Files.createTempFile(dist.home().resolve("log"), "client-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dist.home().toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(CLIENT.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish within " + CLIENT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new Distribution.Result(p.exitValue(), Distribution.read(out), Distribution.read(err));
    }

    /** A fixture of src/test/resources (the pom-packaged module copies no test resources; run from its directory). */
    private static InputStream stream(String name) throws IOException {
        return Files.newInputStream(Path.of("src/test/resources").resolve(name));
    }

    private static Path resource(String name, String file) throws IOException {
        Path target = dist.home().resolve("log").resolve(file);
        try (InputStream in = stream(name)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    private static Set<String> members(JsonNode inventory, String group) {
        Set<String> out = new TreeSet<>();
        inventory.path(group).path("hosts").forEach(h -> out.add(h.asText()));
        return out;
    }

    private static Set<Long> ids(JsonNode list) {
        Set<Long> out = new TreeSet<>();
        list.forEach(o -> out.add(o.path("id").asLong()));
        return out;
    }

    private static Set<Long> longs(JsonNode list) {
        Set<Long> out = new TreeSet<>();
        list.forEach(o -> out.add(o.asLong()));
        return out;
    }

    private static boolean allMatch(JsonNode list, java.util.function.Predicate<JsonNode> p) {
        for (JsonNode n : list) {
            if (!p.test(n)) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode first(JsonNode list, java.util.function.Predicate<JsonNode> p) {
        for (JsonNode n : list) {
            if (p.test(n)) {
                return n;
            }
        }
        throw new AssertionError("none of " + list.size() + " objects matches");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
