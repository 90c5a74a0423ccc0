package com.enreach.tools.netbox.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.enreach.tools.netbox.client.BulkResult;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.client.NetBoxException;
import com.enreach.tools.source.support.SourceHttp;

/**
 * The NetBox REST client over {@code java.net.http}. Public so other modules' tests can make one without OSGi;
 * in the platform it comes from the {@link com.enreach.tools.netbox.client.NetBoxClients} service. It never retries
 * on its own: retryable failures go back to the caller (the core's retry policy), with NetBox's Retry-After.
 */
public final class HttpNetBoxClient implements NetBoxClient {
    static final int MAX_SIZE = 1000;

    private final NetBoxHttp http;
    private final int pageSize;
    private final int batchSize;
    private final BulkWriter writer;

    /** @throws IllegalArgumentException naming the field for a bad URL, token, page or batch size */
    public HttpNetBoxClient(NetBoxConnection connection) {
        Objects.requireNonNull(connection, "connection is null");
        if (connection.pageSize() < 1 || connection.pageSize() > MAX_SIZE) {
            throw new IllegalArgumentException("page.size: must be 1 to " + MAX_SIZE + ", was " + connection.pageSize());
        }
        if (connection.batchSize() < 1 || connection.batchSize() > MAX_SIZE) {
            throw new IllegalArgumentException("batch.size: must be 1 to " + MAX_SIZE + ", was " + connection.batchSize());
        }
        this.http = new NetBoxHttp(connection);
        this.pageSize = connection.pageSize();
        this.batchSize = connection.batchSize();
        this.writer = new BulkWriter(http, connection.batchSize());
    }

    @Override
    public Map<String, Object> status() {
        return object("GET /api/status/", http.send("GET", "/api/status/", null, false).body());
    }

    @Override
    public List<Map<String, Object>> list(String endpoint, Map<String, String> filters, boolean brief) {
        String path = http.listPath(endpoint);
        Map<String, String> q = new LinkedHashMap<>();
        if (filters != null) {
            filters.forEach((k, v) -> {
                if (k != null && v != null && !k.equals("limit") && !k.equals("offset")) {
                    q.put(k, v);
                }
            });
        }
        if (brief) {
            q.put("brief", "true");
        }
        q.put("limit", Integer.toString(pageSize));
        String next = path + "?" + query(q);
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (next != null) {
            if (!seen.add(next)) {
                throw new NetBoxException("Malformed answer from NetBox GET " + path + ": the next page link repeats a page",
                        200, false, -1, null);
            }
            Map<String, Object> page = object("GET " + path, http.send("GET", next, null, false).body());
            if (!(page.get("results") instanceof List<?> results)) {
                throw new NetBoxException("Malformed answer from NetBox GET " + path + ": no results list (is "
                        + endpoint + " a list endpoint?)", 200, false, -1, null);
            }
            for (Object o : results) {
                out.add(object("GET " + path, o));
            }
            next = results.isEmpty() ? null : nextPage(path, page.get("next"));
        }
        return out;
    }

    /**
     * The request for NetBox's {@code next} link: its query against our own endpoint path, because NetBox builds the
     * link from the host it believes it has (behind a proxy, another scheme or host than the one we were given).
     */
    private String nextPage(String path, Object next) {
        if (next == null || next instanceof String b && b.isBlank()) {
            return null;
        }
        if (!(next instanceof String s)) {
            throw new NetBoxException("Malformed answer from NetBox GET " + path + ": next is not a link", 200, false, -1, null);
        }
        String query;
        try {
            query = URI.create(s.trim()).getRawQuery();
        } catch (IllegalArgumentException e) {
            throw new NetBoxException("Malformed answer from NetBox GET " + path + ": next is not a link", 200, false, -1, e);
        }
        return query == null ? null : path + "?" + query;
    }

    @Override
    public Optional<Map<String, Object>> get(String endpoint, long id) {
        String path = http.listPath(endpoint) + id + "/";
        NetBoxHttp.Answer a = http.send("GET", path, null, true);
        if (a.status() == 404) {
            return Optional.empty();
        }
        if (a.status() / 100 != 2) {
            throw new NetBoxException("NetBox GET " + path + " was refused with HTTP " + a.status(), a.status(), false, -1, null);
        }
        return Optional.of(object("GET " + path, a.body()));
    }

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public BulkResult create(String endpoint, List<Map<String, Object>> bodies) {
        return writer.create(http.listPath(endpoint), bodies);
    }

    @Override
    public BulkResult update(String endpoint, List<Map<String, Object>> bodies) {
        return writer.update(http.listPath(endpoint), bodies);
    }

    @Override
    public BulkResult delete(String endpoint, List<Long> ids) {
        return writer.delete(http.listPath(endpoint), ids);
    }

    @Override
    public List<Map<String, Object>> objectChanges(Instant since, String objectType) {
        Map<String, String> f = new LinkedHashMap<>();
        if (since != null) {
            f.put("time_after", since.toString());
        }
        if (objectType != null && !objectType.isBlank()) {
            f.put("changed_object_type", objectType);
        }
        f.put("ordering", "time");
        List<Map<String, Object>> changes;
        try {
            changes = list("core/object-changes", f, false);
        } catch (NetBoxException e) {
            if (e.status() != 404) {
                throw e;
            }
            // NetBox before 4.1 kept the changelog under extras
            changes = list("extras/object-changes", f, false);
        }
        List<Map<String, Object>> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing((Map<String, Object> m) -> time(m.get("time")))
                .thenComparingLong(m -> m.get("id") instanceof Number n ? n.longValue() : 0L));
        return sorted;
    }

    /** NetBox's change time as an instant (its text varies in fractional digits); unreadable ones first. */
    private static Instant time(Object t) {
        try {
            return java.time.OffsetDateTime.parse(String.valueOf(t)).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return Instant.MIN;
        }
    }

    @Override
    public long requestCount() {
        return http.requestCount();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String where, Object body) {
        if (body instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new NetBoxException("Malformed answer from NetBox " + where + ": expected an object, got "
                + (body == null ? "nothing" : body instanceof List ? "a list" : "a " + body.getClass().getSimpleName()),
                200, false, -1, null);
    }

    private static String query(Map<String, String> q) {
        StringBuilder b = new StringBuilder();
        q.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(SourceHttp.query(k)).append('=').append(SourceHttp.query(v)));
        return b.toString();
    }
}
