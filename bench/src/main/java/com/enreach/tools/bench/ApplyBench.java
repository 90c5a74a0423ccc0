package com.enreach.tools.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.netbox.ApplyResult;
import com.enreach.tools.api.netbox.Approval;
import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.netbox.NetBoxStoreImpl;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.internal.HttpNetBoxClient;
import com.enreach.tools.netbox.sandbox.NetBoxDoubleServer;
import com.enreach.tools.netbox.writer.apply.Applier;
import com.enreach.tools.netbox.writer.apply.DriftCheck;
import com.enreach.tools.netbox.writer.apply.Retry;
import com.enreach.tools.netbox.writer.apply.Target;

/**
 * The apply of a change set creating N devices (plus their manufacturer, device type, role and site) through the real
 * writer, client and store against the NetBox double over HTTP: bulk requests (batch.size 100) against one object
 * per request (batch.size 1), on the same double in the same run. Target: bulk at least 5x faster.
 *
 * <p>Usage: {@code ApplyBench [devices=10000] [rounds=3]}; the target is on the median of the per-round ratios.
 */
public final class ApplyBench {
    private ApplyBench() {
    }

    public static void main(String[] args) throws Exception {
        // the JDK's HttpServer (the double's) otherwise answers in two TCP segments and Nagle + delayed ACK add ~40 ms
        // to every request: that would measure the loopback's timers, not the apply
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("apply-bench");
        double[] bulk = new double[rounds];
        double[] single = new double[rounds];
        double[] ratio = new double[rounds];
        try {
            NetBoxStoreImpl store = new NetBoxStoreImpl(new Database(dir.resolve("bench.db")));
            for (int r = 0; r < rounds; r++) {
                // a fresh double per round, both ways on it; which goes first alternates, so neither always meets a
                // warmer JVM or a fuller double
                try (NetBoxDoubleServer server = new NetBoxDoubleServer()) {
                    run(server, store, "warm-b" + r, 200, 100);
                    run(server, store, "warm-s" + r, 200, 1);
                    if (r % 2 == 0) {
                        single[r] = run(server, store, "single" + r, n, 1);
                        bulk[r] = run(server, store, "bulk" + r, n, 100);
                    } else {
                        bulk[r] = run(server, store, "bulk" + r, n, 100);
                        single[r] = run(server, store, "single" + r, n, 1);
                    }
                }
                ratio[r] = single[r] / bulk[r];
                System.out.printf("round %d: %,d devices one per request %.2f s, bulk %.2f s = %.2fx%n", r + 1, n, single[r],
                        bulk[r], ratio[r]);
            }
        } finally {
            BenchSupport.deleteTree(dir);
        }
        double b = BenchSupport.median(bulk);
        double s = BenchSupport.median(single);
        System.out.printf("RESULT apply (%,d devices, median of %d rounds): one object per request %.2f s (%,.0f objects/s) | bulk"
                + " %.2f s (%,.0f objects/s) | per-round ratio %.2fx%n", n, rounds, s, n / s, b, n / b, BenchSupport.median(ratio));
        Targets t = new Targets();
        t.atLeast("apply bulk / one object per request", BenchSupport.median(ratio), 5.0);
        t.exit();
    }

    private static long netboxNanos;

    /** The client, with the time spent in its calls added up (the rest of the apply is the writer and the store). */
    static NetBoxClient timed(NetBoxClient c) {
        return (NetBoxClient) Proxy.newProxyInstance(NetBoxClient.class.getClassLoader(), new Class<?>[] {NetBoxClient.class},
                (p, m, a) -> {
                    long t0 = System.nanoTime();
                    try {
                        return m.invoke(c, a);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    } finally {
                        if (!m.getName().equals("requestCount")) {
                            netboxNanos += System.nanoTime() - t0;
                        }
                    }
                });
    }

    /** Applies a fresh change set of {@code n} devices on their own site; returns seconds. */
    static double run(NetBoxDoubleServer server, NetBoxStoreImpl store, String tag, int n, int batch) {
        NetBoxClient client = timed(new HttpNetBoxClient(new NetBoxConnection(server.url(), server.token(), 1000, batch,
                Duration.ofSeconds(60), false, null)));
        Target target = new Target("bench-" + tag, server.url(), true, false, null, null, () -> client);
        ChangeSet cs = store.create(changeSet(target.name(), tag, n));
        List<Long> ids = cs.items().stream().map(ChangeItem::id).toList();
        store.addApproval(new Approval(0, cs.id(), "approve", "all", List.of(), false, cs.hash(), "bench", null, null), ids, "approved");
        Applier applier = new Applier(store, Retry.standard(), DriftCheck.standard(), e -> List.of());
        long t0 = System.nanoTime();
        ApplyResult r = applier.apply(target, cs.id(), "bench");
        double sec = BenchSupport.seconds(t0);
        if (n >= 1000) {
            System.out.printf("  %s: %.2f s, of which waiting for NetBox %.2f s (%,d requests)%n", tag, sec, netboxNanos / 1e9,
                    client.requestCount());
        }
        netboxNanos = 0;
        if (!"applied".equals(r.status()) || r.applied() != n + 4) {
            throw new IllegalStateException("apply " + tag + " ended " + r.status() + " with " + r.applied() + " applied: "
                    + r.problems().stream().limit(3).map(ChangeItem::message).toList());
        }
        return sec;
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static ChangeItem create(int seq, String ref, String kind, String name, Map<String, Object> body, List<String> deps) {
        return new ChangeItem(0, seq, ref, ChangeItem.CREATE, kind, null, null, name, null, deps, List.of(), body, null, null,
                null, null, null, List.of());
    }

    static ChangeSet changeSet(String target, String tag, int n) {
        String mf = NetBoxKinds.MANUFACTURER + ":slug:" + tag;
        String type = NetBoxKinds.DEVICE_TYPE + ":slug:" + tag;
        String role = NetBoxKinds.DEVICE_ROLE + ":slug:" + tag;
        String site = NetBoxKinds.SITE + ":slug:" + tag;
        List<ChangeItem> items = new ArrayList<>();
        items.add(create(1, mf, NetBoxKinds.MANUFACTURER, tag, map("name", "Maker " + tag, "slug", tag), List.of()));
        items.add(create(2, type, NetBoxKinds.DEVICE_TYPE, tag, map("manufacturer", map("$ref", mf), "model", "Model " + tag,
                "slug", tag), List.of(mf)));
        items.add(create(3, site, NetBoxKinds.SITE, tag, map("name", "Site " + tag, "slug", tag), List.of()));
        items.add(create(4, role, NetBoxKinds.DEVICE_ROLE, tag, map("name", "Role " + tag, "slug", tag, "color", "9e9e9e"), List.of()));
        for (int i = 0; i < n; i++) {
            String name = tag + "-dev" + i;
            items.add(create(5 + i, NetBoxKinds.DEVICE + ":name:" + name, NetBoxKinds.DEVICE, name, map("name", name,
                    "device_type", map("$ref", type), "role", map("$ref", role), "site", map("$ref", site), "status", "active"),
                    List.of(type, role, site)));
        }
        return new ChangeSet(0, target, "sync", null, null, null, "bench", null, "4.2", null, items, List.of(), List.of(), null,
                null, false);
    }
}
