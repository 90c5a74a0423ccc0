package com.enreach.tools.plugin.dorado;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Request;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Huawei OceanStor Dorado DeviceManager REST double for array dorado-ams-01 (serial {@link #SN}) from the
 * fixtures: 2 controllers, 2 pools, 5 LUNs (capacities in 512-byte sectors, one overflowing) and 2 file systems.
 * As the array does, it logs in with POST /deviceManager/rest/xxxxx/sessions (a wrong user or password is refused
 * inside an HTTP 200, error code 1077949061), hands out an iBaseToken and a session cookie per login, answers
 * every call with a {@code data}/{@code error} envelope, serves lists by {@code range=[from-to]} (end exclusive,
 * no {@code data} when nothing is left, in ID order, at most {@link #maxRange} objects: a wider range is refused
 * with error 50331651 "The entered parameter is incorrect.") and logs out with DELETE .../sessions.
 * {@link #deleteAfter} and {@link #insertAfter} change a list between two range requests, as objects created or
 * deleted on the array during a run do.
 *
 * <p>Reusable from other modules through this module's test-jar; {@link #server()} lets a test script faults.
 */
public final class DoradoDouble implements AutoCloseable {
    public static final String SN = "2102354JKM10N9100012";
    public static final String USERNAME = "inventory";
    public static final String PASSWORD = "S3cr3t-Pässwörd!";
    static final String REST = "/deviceManager/rest/";
    static final String LOGIN = REST + "xxxxx/sessions";
    private static final Pattern RANGE = Pattern.compile("\\[(\\d+)-(\\d+)]");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FixtureServer server = new FixtureServer();
    private final AtomicInteger logins = new AtomicInteger();
    private final List<JsonNode> luns = new ArrayList<>();
    private final List<JsonNode> filesystems = new ArrayList<>();
    private final Map<String, Integer> rangeRequests = new java.util.HashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private volatile int maxRange = 100;

    /** A change of a list that happens once it has served a number of range requests. */
    private record Change(String list, int afterRequests, java.util.function.Consumer<List<JsonNode>> change) {
    }

    public DoradoDouble() {
        for (String page : List.of("luns-0.json", "luns-2.json", "luns-4.json")) {
            read(fixture(page)).get("data").forEach(luns::add);
        }
        read(fixture("filesystems-0.json")).get("data").forEach(filesystems::add);
        // Each login hands out a new token and session cookie, so tests can tell sessions apart.
        server.route("POST", LOGIN, this::login);
        server.json(api("/system/"), fixture("system.json"));
        server.json(api("/controller"), fixture("controllers.json"));
        server.json(api("/storagepool"), fixture("pools.json"));
        server.route("GET", api("/lun"), r -> range("/lun", r, luns));
        server.route("GET", api("/filesystem"), r -> range("/filesystem", r, filesystems));
        server.route("DELETE", api("/sessions"), r -> Response.json("{\"error\":{\"code\":0,\"description\":\"0\"}}"));
    }

    private Response login(Request r) {
        JsonNode body = read(r.body());
        if (!USERNAME.equals(body.path("username").asText()) || !PASSWORD.equals(body.path("password").asText())) {
            return Response.json(fixture("login-bad.json"));
        }
        int n = logins.incrementAndGet();
        return Response.json(fixture("login.json").replace("TOKEN", "tok-" + n))
                .withHeader("Set-Cookie", "session=ismsession=cookie-" + n + "; Path=/; HttpOnly");
    }

    private synchronized Response range(String list, Request r, List<JsonNode> all) {
        Matcher m = RANGE.matcher(String.valueOf(r.param("range")));
        if (!m.matches() || Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1)) > maxRange) {
            return Response.json("{\"data\":{},\"error\":{\"code\":50331651,\"description\":\"The entered parameter is incorrect.\"}}");
        }
        int served = rangeRequests.merge(list, 1, Integer::sum);
        for (Change c : changes) {
            if (c.list().equals(list) && c.afterRequests() == served - 1) {
                c.change().accept(all); // happened on the array since the previous range request
            }
        }
        int from = Integer.parseInt(m.group(1));
        int to = Math.min(all.size(), Integer.parseInt(m.group(2)));
        ObjectNode envelope = JSON.createObjectNode();
        if (from < to) {
            all.subList(from, to).forEach(envelope.putArray("data")::add);
        }
        envelope.putObject("error").put("code", 0).put("description", "0");
        return Response.json(envelope.toString());
    }

    /** The widest range the array serves at once (DeviceManager: 100). */
    public void maxRange(int objects) {
        this.maxRange = objects;
    }

    /**
     * Deletes the object with this ID from a list ({@code "/lun"}, {@code "/filesystem"}) once the list has served
     * {@code rangeRequests} range requests, as a LUN deleted on the array between two pages of a run.
     */
    public synchronized void deleteAfter(String list, int rangeRequests, String id) {
        changes.add(new Change(list, rangeRequests, all -> all.removeIf(o -> id.equals(o.path("ID").asText()))));
    }

    /** Inserts a copy of the object with ID {@code likeId}, with a new ID and name, at a position of a list. */
    public synchronized void insertAfter(String list, int rangeRequests, int position, String likeId, String newId) {
        changes.add(new Change(list, rangeRequests, all -> {
            ObjectNode copy = all.stream().filter(o -> likeId.equals(o.path("ID").asText())).findFirst()
                    .map(o -> ((ObjectNode) o).deepCopy()).orElseThrow();
            copy.put("ID", newId).put("NAME", "new-" + newId);
            all.add(position, copy);
        }));
    }

    /** Successful logins so far. */
    public int logins() {
        return logins.get();
    }

    /** The underlying server, to script faults or inspect requests. */
    public FixtureServer server() {
        return server;
    }

    /** The array's address as a user writes it in url= (without /deviceManager/rest). */
    public String url() {
        return server.uri().toString();
    }

    /** The keys of etc/source.dorado-&lt;name&gt;.cfg for this double; page.size 2 makes it page. */
    public Map<String, String> cfg() {
        Map<String, String> cfg = new LinkedHashMap<>();
        cfg.put("url", url());
        cfg.put("username", USERNAME);
        cfg.put(".password", PASSWORD);
        cfg.put("page.size", "2");
        return cfg;
    }

    static String api(String path) {
        return REST + SN + path;
    }

    static String fixture(String name) {
        return FixtureServer.resource(DoradoDouble.class, name);
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
