package com.enreach.tools.plugin.commvault;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Request;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Commvault Command Center REST double (under {@link #API}) from the fixtures: 3 clients (fs-ams-01 with three
 * backup jobs over two pages, a unicode client with a running job, a client without jobs) and 4 VM status entries
 * (one without GUID). As Commvault does, POST /Login takes the Base64 password and answers a wrong user or password
 * inside an HTTP 200 (errList, "Invalid Username or Password"); each login hands out a new token, and every other
 * call needs a token handed out (header {@code Authtoken}) or the API token {@link #API_TOKEN}
 * ({@code Authorization: Bearer}), else HTTP 401; {@link #expireTokens} ends the sessions as a web server restart
 * does. GET /Job honours {@code limit} and {@code offset} (headers, or query parameters as older web servers read
 * them) over each client's job list, whose totalRecordsWithoutPaging is what the fixture says (client 7's is one
 * too many, a stale count); GET /VM pages by the PagingInfo header ("page,size"), whose totalRecords also counts a
 * VM deleted since (one more than listed).
 *
 * <p>{@link #addVm} and {@link #addClient} add protected machines, so another test can make Commvault know the
 * machines other sources report. Reusable from other modules through this module's test-jar.
 */
public final class CommvaultDouble implements AutoCloseable {
    public static final String API = "/webconsole/api";
    public static final String USERNAME = "inventory";
    public static final String PASSWORD = "pässwörd-Ü1!";
    /** The API token the double accepts as {@code Authorization: Bearer}. */
    public static final String API_TOKEN = "eyJhbGciOi.token.sig";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FixtureServer server = new FixtureServer();
    private final AtomicInteger logins = new AtomicInteger();
    private final java.util.Set<String> tokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Map<String, List<JsonNode>> jobs = new java.util.HashMap<>();
    private final Map<String, Long> jobTotals = new java.util.HashMap<>();
    private final List<JsonNode> vms = new ArrayList<>();
    private final ObjectNode clients;
    private int nextJobId = 9500;

    public CommvaultDouble() {
        read(fixture("vms-0.json")).get("vmStatusInfoList").forEach(vms::add);
        read(fixture("vms-1.json")).get("vmStatusInfoList").forEach(vms::add);
        clients = (ObjectNode) read(fixture("clients.json"));
        server.route("POST", API + "/Login", this::login);
        addJobs("2", "jobs-2-0.json", "jobs-2-2.json");
        addJobs("7", "jobs-7-0.json");
        server.route("GET", API + "/Client", authenticated(r -> Response.json(clientsJson())));
        server.route("GET", API + "/Job", authenticated(this::jobPage));
        server.route("GET", API + "/VM", authenticated(this::vmPage));
    }

    private void addJobs(String clientId, String... pages) {
        List<JsonNode> list = new ArrayList<>();
        for (String page : pages) {
            JsonNode p = read(fixture(page));
            p.path("jobs").forEach(list::add);
            jobTotals.put(clientId, p.path("totalRecordsWithoutPaging").asLong());
        }
        jobs.put(clientId, list);
    }

    /** Lets a request through only with a token this double handed out or its API token. */
    private Function<Request, Response> authenticated(Function<Request, Response> handler) {
        return r -> {
            String token = r.header("Authtoken");
            boolean ok = (token != null && tokens.contains(token)) || ("Bearer " + API_TOKEN).equals(r.header("Authorization"));
            return ok ? handler.apply(r) : Response.text(401, "application/json",
                    "{\"errorCode\":401,\"errorMessage\":\"Access denied\"}");
        };
    }

    /** The client's jobs from offset to offset + limit (headers first, then query parameters). */
    private synchronized Response jobPage(Request r) {
        List<JsonNode> all = jobs.getOrDefault(r.param("clientId"), List.of());
        int offset = number(r.header("offset") != null ? r.header("offset") : r.param("offset"), 0);
        int limit = number(r.header("limit") != null ? r.header("limit") : r.param("limit"), all.size());
        ObjectNode answer = JSON.createObjectNode().put("totalRecordsWithoutPaging", jobTotals.getOrDefault(r.param("clientId"), 0L));
        List<JsonNode> page = all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + Math.max(0, limit)));
        if (!page.isEmpty()) {
            page.forEach(answer.putArray("jobs")::add);
        }
        return Response.json(answer.toString());
    }

    private static int number(String s, int fallback) {
        return s == null ? fallback : Integer.parseInt(s.trim());
    }

    /** Ends every session handed out so far, as a web server restart does: the next call answers 401. */
    public void expireTokens() {
        tokens.clear();
    }

    private Response login(Request r) {
        JsonNode body = read(r.body());
        String password;
        try {
            password = new String(Base64.getDecoder().decode(body.path("password").asText()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            password = null;
        }
        if (!USERNAME.equals(body.path("username").asText()) || !PASSWORD.equals(password)) {
            return Response.json(fixture("login-bad.json"));
        }
        int n = logins.incrementAndGet();
        tokens.add("QSDK tok-" + n);
        return Response.json(fixture("login.json").replace("TOKEN", "tok-" + n));
    }

    private synchronized String clientsJson() {
        return clients.toString();
    }

    private synchronized Response vmPage(Request r) {
        String[] paging = String.valueOf(r.header("PagingInfo")).split(",");
        int page = paging.length == 2 ? Integer.parseInt(paging[0].trim()) : 0;
        int size = paging.length == 2 ? Integer.parseInt(paging[1].trim()) : 100;
        ObjectNode answer = JSON.createObjectNode().put("totalRecords", vms.size() + 1).put("pageNo", page).put("pageSize", size)
                .put("errorCode", 0).put("errorMessage", "");
        var list = answer.putArray("vmStatusInfoList");
        for (int i = page * size; i < Math.min(vms.size(), (page + 1) * size); i++) {
            list.add(vms.get(i));
        }
        return Response.json(answer.toString());
    }

    /**
     * Adds a VM protected by the hypervisor agent with one completed backup, as GET /VM lists it. The GUID is what
     * vCenter calls the instance UUID.
     */
    public synchronized void addVm(String name, String guid) {
        int job = nextJobId++;
        long start = 1_732_600_000L + job;
        ObjectNode vm = JSON.createObjectNode().put("vmHost", "esx-ams-09.example.com").put("bkpStartTime", start).put("bkpEndTime", start + 900)
                .put("type", 9).put("vmStatus", 1).put("slaStatus", 1).put("vmBackupJob", job).put("isDeleted", false).put("vendor", 1)
                .put("name", name).put("strGUID", guid).put("subclientName", "default");
        vm.putObject("client").put("clientId", job).put("clientName", name);
        vm.putObject("plan").put("planName", "Gold-24h").put("planId", 16);
        ObjectNode last = vm.putObject("lastBackupJobInfo").put("jobID", job).put("status", "Completed");
        last.putObject("startTime").put("time", start);
        last.putObject("endTime").put("time", start + 900);
        vms.add(vm);
    }

    /** Adds a file-system client (no jobs in the window) with the given host name. */
    public synchronized void addClient(int clientId, String clientName, String hostName) {
        ObjectNode entity = JSON.createObjectNode().put("clientId", clientId).put("clientName", clientName).put("hostName", hostName)
                .put("displayName", clientName).put("_type_", 3);
        ObjectNode c = JSON.createObjectNode();
        c.putObject("client").set("clientEntity", entity);
        c.putObject("clientProps").put("IsVirtualClient", false);
        clients.withArray("clientProperties").add(c);
    }

    /** Successful logins so far. */
    public int logins() {
        return logins.get();
    }

    /** The underlying server, to script faults or inspect requests. */
    public FixtureServer server() {
        return server;
    }

    /** The API base URL as a user writes it in url= (…/webconsole/api). */
    public String url() {
        return server.uri() + API;
    }

    /** The keys of etc/source.commvault-&lt;name&gt;.cfg for this double; page.size 2 makes jobs and VMs page. */
    public Map<String, String> cfg() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("url", url());
        cfg.put("username", USERNAME);
        cfg.put(".password", PASSWORD);
        cfg.put("page.size", "2");
        return cfg;
    }

    static String fixture(String name) {
        return FixtureServer.resource(CommvaultDouble.class, name);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
