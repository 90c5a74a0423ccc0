package com.enreach.tools.netbox.sandbox;

import com.enreach.tools.netbox.sandbox.internal.Api;
import com.enreach.tools.netbox.sandbox.internal.Changelog;
import com.enreach.tools.netbox.sandbox.internal.Kinds;
import com.enreach.tools.netbox.sandbox.internal.Reply;
import com.enreach.tools.netbox.sandbox.internal.Store;
import com.enreach.tools.netbox.sandbox.internal.Writes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An in-memory NetBox 4.2 for tests, benchmarks and the demo: the REST API of the object kinds the pipeline uses
 * (see {@code com.enreach.tools.api.netbox.NetBoxKinds}), token authentication, request bodies validated against
 * schemas written from NetBox's OpenAPI document plus NetBox's model rules, the change log, and hooks to inject
 * faults. Usable without HTTP through {@link #handle(NetBoxRequest)}; served by {@link NetBoxDoubleServer} and
 * {@link NetBoxDoubleServlet}. Thread-safe: requests are applied one at a time.
 */
public final class NetBoxDouble {
    /** The user of the token made by the constructor. */
    public static final String ADMIN = "admin";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Object lock = new Object();
    private final Kinds kinds = new Kinds(Reply.JSON);
    private final Store store = new Store(kinds);
    private final Changelog changelog = new Changelog(kinds, store);
    private final Api api = new Api(kinds, store, changelog);
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Faults faults = new Faults();
    private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<Rejection> rejections = new CopyOnWriteArrayList<>();
    private final List<Runnable> writeListeners = new CopyOnWriteArrayList<>();
    private final String adminToken;

    private record Rejection(String kind, Predicate<JsonNode> which, String field, String message) {
    }

    public NetBoxDouble() {
        adminToken = addUser(ADMIN);
    }

    /** The v1 token of {@link #ADMIN}. */
    public String token() {
        return adminToken;
    }

    /** Registers a user with a new v1 token (40 hex characters) and returns the token. */
    public String addUser(String user) {
        byte[] b = new byte[20];
        RANDOM.nextBytes(b);
        String token = HexFormat.of().formatHex(b);
        addToken(user, token);
        return token;
    }

    /**
     * Registers a token for a user: a v1 token (40 hex characters, sent as {@code Token <key>}) or a v2 token
     * {@code nbt_<key>.<secret>} (sent as {@code Bearer nbt_<key>.<secret>}).
     */
    public void addToken(String user, String token) {
        if (!token.matches("[0-9a-fA-F]{40}") && !token.matches("nbt_[A-Za-z0-9]+\\.[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("not a NetBox token: expected 40 hex characters (v1) or nbt_<key>.<secret> (v2)");
        }
        tokens.put(token, user);
    }

    /** Handles one request as NetBox would. @throws ConnectionDropped when a crash was injected */
    public NetBoxResponse handle(NetBoxRequest request) {
        requests.add(request.method() + " " + request.path() + (request.query() == null ? "" : "?" + request.query()));
        if (request.method().equals("GET") && request.path().replaceAll("/+$", "").isEmpty()) {
            return LandingPage.answer(request.baseUrl());
        }
        String user = user(request);
        if (user == null && isApiRoot(request)) {
            user = ""; // NetBox serves the API root without a token (pynetbox reads API-Version from it)
        }
        if (user == null) {
            String auth = request.header("Authorization");
            return Reply.detail(403, auth == null || auth.isBlank() ? "Authentication credentials were not provided." : "Invalid token");
        }
        NetBoxResponse injected = faults.beforeRequest(request.isWrite());
        if (injected != null) {
            return injected;
        }
        NetBoxResponse r;
        synchronized (lock) {
            Writes.Ctx ctx = new Writes.Ctx(user, UUID.randomUUID().toString(), request.baseUrl(), this::rejected);
            r = api.handle(request, ctx, status());
        }
        if (request.isWrite() && r.status() < 300) {
            writeListeners.forEach(Runnable::run);
        }
        faults.afterRequest(request.isWrite());
        return r;
    }

    /** Runs the listener after every write request that changed something (e.g. the demo saves its snapshot). */
    public void addWriteListener(Runnable listener) {
        writeListeners.add(listener);
    }

    private static boolean isApiRoot(NetBoxRequest request) {
        return request.method().equals("GET") && request.path().replaceAll("/+$", "").equals("/api");
    }

    private String user(NetBoxRequest request) {
        String auth = request.header("Authorization");
        if (auth == null) {
            return null;
        }
        auth = auth.trim();
        if (auth.regionMatches(true, 0, "Token ", 0, 6)) {
            return tokens.get(auth.substring(6).trim());
        }
        if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokens.get(auth.substring(7).trim());
        }
        return null;
    }

    private Map<String, String> rejected(String kind, JsonNode object) {
        for (Rejection r : rejections) {
            if (r.kind().equals(kind) && r.which().test(object)) {
                return Map.of(r.field(), r.message());
            }
        }
        return null;
    }

    private ObjectNode status() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("django-version", "5.1.5");
        s.putObject("installed-apps");
        s.put("netbox-version", "4.2.2");
        s.put("netbox-full-version", "4.2.2");
        s.putObject("plugins");
        s.put("python-version", "3.12.3");
        s.put("rq-workers-running", 1);
        s.put("sandbox", true);
        s.put("double", "Enreach Tools NetBox double (in-memory, not a real NetBox)");
        return s;
    }

    // ---- test hooks ----

    /** The next {@code n} requests answer 429 with {@code Retry-After: retryAfterSeconds}, as NetBox's throttling. */
    public void throttleNext(int n, int retryAfterSeconds) {
        faults.failNext(n, 429, retryAfterSeconds);
    }

    /** The next {@code n} requests answer the given status (e.g. 502, 503) with a Retry-After header when > 0. */
    public void failNext(int n, int status, int retryAfterSeconds) {
        faults.failNext(n, status, retryAfterSeconds);
    }

    /** Objects of the kind the predicate matches (on the request body's object) are refused with field: message. */
    public void rejectWhen(String kind, Predicate<JsonNode> which, String field, String message) {
        kinds.get(kind);
        rejections.add(new Rejection(kind, which, field, message));
    }

    /**
     * After {@code n} more write requests, the double "crashes": every later write request is not applied and its
     * connection is dropped ({@link ConnectionDropped}) until {@link #resetFaults()}. Reads keep working.
     */
    public void crashAfterWrites(int n) {
        faults.crashAfterWrites(n);
    }

    /** The {@code nth} write request from now is applied but its answer is lost (connection dropped). */
    public void loseAnswerOfWrite(int nth) {
        faults.loseAnswerOf(nth);
    }

    /** The {@code nth} write request from now (1 = the next) is held before it is applied until released. */
    public WriteLatch blockWrite(int nth) {
        WriteLatch latch = new WriteLatch();
        faults.block(nth, latch);
        return latch;
    }

    /** Clears injected failures, crashes, blocks and rejections (releasing a held request). */
    public void resetFaults() {
        faults.reset();
        rejections.clear();
    }

    /** How many requests arrived (including refused and failed ones). */
    public int requestCount() {
        return requests.size();
    }

    /** How many requests used that method (GET, POST, PATCH, PUT, DELETE). */
    public int requestCount(String method) {
        return (int) requests().stream().filter(r -> r.startsWith(method + " ")).count();
    }

    /** The requests so far, as "METHOD /path?query". */
    public List<String> requests() {
        synchronized (requests) {
            return new ArrayList<>(requests);
        }
    }

    /**
     * A hand edit in NetBox by another user: a PATCH of the object with NetBox's validation, recorded in the change
     * log under that user. Returns the object's representation. @throws IllegalArgumentException with NetBox's
     * errors when refused
     */
    public JsonNode handEdit(String user, String kind, long id, Map<String, ?> fields) {
        return write(user, "PATCH", kinds.get(kind).endpoint() + "/" + id + "/", Reply.JSON.valueToTree(fields), 200);
    }

    /** Hand edits and seeds are not counted as requests; only requests through {@link #handle} are. */
    /** Creates an object as a user (through NetBox's validation, with a change record); returns its id. */
    public long create(String user, String kind, Map<String, ?> fields) {
        return write(user, "POST", kinds.get(kind).endpoint() + "/", Reply.JSON.valueToTree(fields), 201).get("id").asLong();
    }

    /** Deletes an object as a user, with a change record. */
    public void delete(String user, String kind, long id) {
        write(user, "DELETE", kinds.get(kind).endpoint() + "/" + id + "/", null, 204);
    }

    /** Seeds an object (validated like a POST, no change record); returns its id. */
    public long seed(String kind, Map<String, ?> fields) {
        synchronized (lock) {
            int changes = changelog.all().size();
            long id = create(ADMIN, kind, fields);
            List<ObjectNode> kept = new ArrayList<>(changelog.all().subList(0, changes));
            changelog.restore(Reply.JSON.valueToTree(kept));
            return id;
        }
    }

    /** The object's NetBox representation (absolute URLs under {@code http://netbox.invalid}), or null. */
    public JsonNode get(String kind, long id) {
        synchronized (lock) {
            ObjectNode o = store.get(kinds.get(kind).name(), id);
            return o == null ? null : api.render().full("http://netbox.invalid", kinds.get(kind), o);
        }
    }

    /** Every object of the kind, in id order, as NetBox represents it (URLs under {@code http://netbox.invalid}). */
    public List<JsonNode> list(String kind) {
        synchronized (lock) {
            List<JsonNode> out = new ArrayList<>();
            store.all(kinds.get(kind).name()).forEach(o -> out.add(api.render().full("http://netbox.invalid", kinds.get(kind), o)));
            return out;
        }
    }

    /** How many objects of the kind exist. */
    public int count(String kind) {
        synchronized (lock) {
            return store.size(kinds.get(kind).name());
        }
    }

    /** The change records so far, oldest first, as NetBox serves them. */
    public List<JsonNode> changes() {
        synchronized (lock) {
            List<JsonNode> out = new ArrayList<>();
            changelog.all().forEach(c -> out.add(changelog.render("http://netbox.invalid", c, false)));
            return out;
        }
    }

    private JsonNode write(String user, String method, String endpointPath, JsonNode body, int expected) {
        NetBoxResponse r;
        synchronized (lock) {
            r = api.handle(new NetBoxRequest(method, "http://netbox.invalid", "/api/" + endpointPath, null, Map.of(),
                    body == null ? null : body.toString()), new Writes.Ctx(user, UUID.randomUUID().toString(), "http://netbox.invalid", null), status());
        }
        if (r.status() != expected) {
            throw new IllegalArgumentException("NetBox refused " + method + " " + endpointPath + " (" + r.status() + "): " + r.body());
        }
        try {
            return r.body().isEmpty() ? null : Reply.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- snapshots ----

    /** Writes every object, the id counters and the change log to a JSON file (the demo keeps its sandbox so). */
    public void save(Path file) throws IOException {
        synchronized (lock) {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Snapshots.write(kinds, store, changelog).toString());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** Replaces the state with a snapshot written by {@link #save(Path)}. Tokens are kept. */
    public void load(Path file) throws IOException {
        JsonNode snapshot = Reply.JSON.readTree(Files.readString(file));
        synchronized (lock) {
            Snapshots.read(snapshot, kinds, store, changelog);
        }
    }
}
