package com.enreach.tools.netbox.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.netbox.client.BulkResult;
import com.enreach.tools.netbox.client.ItemResult;
import com.enreach.tools.netbox.client.NetBoxException;

/**
 * Bulk writes with list bodies in batches, and the per-object fallback: NetBox validates a bulk request as a whole
 * and writes nothing when one object is refused, so a refused batch is sent again object by object and only the
 * refused objects fail. Objects NetBox already named as invalid in its list answer are not sent again.
 */
final class BulkWriter {
    private final NetBoxHttp http;
    private final int batchSize;

    BulkWriter(NetBoxHttp http, int batchSize) {
        this.http = http;
        this.batchSize = batchSize;
    }

    private interface Single {
        /** Sends one object alone; the answer (2xx or a refusing 4xx). */
        NetBoxHttp.Answer send(int index);
    }

    BulkResult create(String path, List<Map<String, Object>> bodies) {
        return run("POST", path, new ArrayList<>(bodies), bodies.size(), i -> http.send("POST", path, bodies.get(i), true));
    }

    BulkResult update(String path, List<Map<String, Object>> bodies) {
        for (int i = 0; i < bodies.size(); i++) {
            if (!(bodies.get(i).get("id") instanceof Number)) {
                throw new IllegalArgumentException("update body " + i + " for " + path + " has no numeric id");
            }
        }
        return run("PATCH", path, new ArrayList<>(bodies), bodies.size(), i -> {
            Map<String, Object> one = new LinkedHashMap<>(bodies.get(i));
            long id = ((Number) one.remove("id")).longValue();
            return http.send("PATCH", path + id + "/", one, true);
        });
    }

    BulkResult delete(String path, List<Long> ids) {
        List<Object> bodies = new ArrayList<>();
        for (Long id : ids) {
            if (id == null) {
                throw new IllegalArgumentException("a delete of " + path + " has a null id");
            }
            bodies.add(Map.of("id", id));
        }
        return run("DELETE", path, bodies, ids.size(), i -> http.send("DELETE", path + ids.get(i) + "/", null, true));
    }

    private BulkResult run(String method, String path, List<Object> bodies, int size, Single single) {
        ItemResult[] results = new ItemResult[size];
        long before = http.requestCount();
        for (int from = 0; from < size; from += batchSize) {
            int to = Math.min(size, from + batchSize);
            List<Object> batch = bodies.subList(from, to);
            NetBoxHttp.Answer a = http.send(method, path, batch, true);
            if (a.status() / 100 == 2) {
                accept(method, path, a, from, to, bodies, results);
                continue;
            }
            List<Map<String, List<String>>> named = NetBoxErrors.perObject(a.body(), batch.size());
            List<Integer> rest = new ArrayList<>();
            for (int i = from; i < to; i++) {
                Map<String, List<String>> errors = named == null ? null : named.get(i - from);
                if (errors != null && !errors.isEmpty()) {
                    results[i] = new ItemResult(i, idOf(bodies.get(i)), null, a.status(), errors);
                } else if (batch.size() == 1 && named == null) {
                    results[i] = refused(i, bodies.get(i), a);
                } else {
                    rest.add(i);
                }
            }
            retry(method, path, bodies, rest, named != null, single, results);
        }
        return new BulkResult(List.of(results), (int) (http.requestCount() - before));
    }

    /**
     * The objects of a refused batch that NetBox did not name: when it named the invalid ones, the others go again as
     * one bulk request (they passed validation); object by object when that fails too, or when NetBox named none.
     */
    private void retry(String method, String path, List<Object> bodies, List<Integer> rest, boolean othersNamed,
            Single single, ItemResult[] results) {
        if (rest.isEmpty()) {
            return;
        }
        if (othersNamed && rest.size() > 1) {
            List<Object> again = new ArrayList<>();
            rest.forEach(i -> again.add(bodies.get(i)));
            NetBoxHttp.Answer a = http.send(method, path, again, true);
            if (a.status() / 100 == 2) {
                ItemResult[] part = new ItemResult[rest.size()];
                accept(method, path, a, 0, rest.size(), again, part);
                for (int k = 0; k < part.length; k++) {
                    int i = rest.get(k);
                    results[i] = new ItemResult(i, part[k].id(), part[k].object(), part[k].status(), part[k].errors());
                }
                return;
            }
        }
        for (int i : rest) {
            results[i] = one(method, path, i, bodies.get(i), single.send(i));
        }
    }

    /** A 2xx bulk answer: the objects in request order (NetBox answers in order); deletes answer nothing. */
    private static void accept(String method, String path, NetBoxHttp.Answer a, int from, int to, List<Object> bodies,
            ItemResult[] results) {
        if (method.equals("DELETE")) {
            for (int i = from; i < to; i++) {
                results[i] = new ItemResult(i, idOf(bodies.get(i)), null, a.status(), Map.of());
            }
            return;
        }
        if (!(a.body() instanceof List<?> objects) || objects.size() != to - from) {
            throw new NetBoxException("Malformed answer from NetBox " + method + " " + path + ": expected a list of "
                    + (to - from) + " objects", a.status(), false, -1, null);
        }
        for (int i = from; i < to; i++) {
            Map<String, Object> o = HttpNetBoxClient.object(method + " " + path, objects.get(i - from));
            results[i] = new ItemResult(i, idOf(o), o, a.status(), Map.of());
        }
    }

    private static ItemResult one(String method, String path, int index, Object body, NetBoxHttp.Answer a) {
        if (a.status() / 100 != 2) {
            return refused(index, body, a);
        }
        if (method.equals("DELETE")) {
            return new ItemResult(index, idOf(body), null, a.status(), Map.of());
        }
        Map<String, Object> o = HttpNetBoxClient.object(method + " " + path, a.body());
        return new ItemResult(index, idOf(o), o, a.status(), Map.of());
    }

    private static ItemResult refused(int index, Object body, NetBoxHttp.Answer a) {
        return new ItemResult(index, idOf(body), null, a.status(),
                NetBoxErrors.of(a.body(), "NetBox refused the object with HTTP " + a.status()));
    }

    private static Long idOf(Object o) {
        return o instanceof Map<?, ?> m && m.get("id") instanceof Number n ? n.longValue() : null;
    }
}
