package com.enreach.tools.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.plugin.demo.DemoConnector;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/**
 * Churn resync: N devices with their interfaces, IP addresses and facts are loaded fresh, then re-synced with 1% and
 * then 10% of the devices changed (one metadata value and the address of one interface each). The time of each
 * resync is compared with the fresh load of the same estate in the same run (target for 1%: at most 0.15x).
 */
public final class ChurnBench {
    private ChurnBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        CollectingSink sink = new CollectingSink();
        new DemoConnector(Map.of("size", Integer.toString(n), "churn.percent", "0")).fetch(new TestContext("bench"), sink);
        List<DeviceRecord> base = new ArrayList<>(sink.devices.values());
        List<DeviceRecord> onePercent = churned(base, 100, 1);
        List<DeviceRecord> tenPercent = churned(base, 10, 2);
        List<DeviceRecord>[] runs = List.of(base, onePercent, tenPercent).toArray(List[]::new);
        Path dir = BenchSupport.tempDir("enreach-churn");
        int rounds = 3;
        double[] fresh = new double[rounds];
        double[] one = new double[rounds];
        double[] ten = new double[rounds];
        try {
            // round 0 warms the JIT up and is not counted (its resyncs ran 1.5-2x slower than the later rounds')
            for (int i = -1; i < rounds; i++) {
                int[] current = {0};
                String name = i < 0 ? "churn-warmup" : "churn-" + i;
                try (BenchSupport.Engine e = new BenchSupport.Engine(dir.resolve(name + ".db"))) {
                    e.add(name, BenchSupport.replay(() -> runs[current[0]]));
                    long t0 = System.nanoTime();
                    SyncRun first = e.run(name);
                    double freshSeconds = BenchSupport.seconds(t0);
                    current[0] = 1;
                    t0 = System.nanoTime();
                    SyncRun second = e.run(name);
                    double oneSeconds = BenchSupport.seconds(t0);
                    current[0] = 2;
                    t0 = System.nanoTime();
                    SyncRun third = e.run(name);
                    double tenSeconds = BenchSupport.seconds(t0);
                    expect(first.added() == n, "fresh load added " + first.added());
                    expect(second.updated() == n / 100, "1% resync updated " + second.updated());
                    expect(third.updated() >= n / 10, "10% resync updated " + third.updated());
                    System.out.printf("%s: fresh load %.2f s, 1%% churn resync %.2f s (%d updated), 10%% churn resync %.2f s (%d updated)%n",
                            i < 0 ? "warm-up (not counted)" : "round " + (i + 1), freshSeconds, oneSeconds, second.updated(), tenSeconds, third.updated());
                    if (i >= 0) {
                        fresh[i] = freshSeconds;
                        one[i] = oneSeconds;
                        ten[i] = tenSeconds;
                    }
                }
            }
        } finally {
            BenchSupport.deleteTree(dir);
        }
        double f = BenchSupport.median(fresh);
        System.out.printf("RESULT churn (%,d devices with children): fresh load %.2f s | 1%% changed %.2f s = %.3fx | 10%% changed %.2f s = %.3fx%n",
                n, f, BenchSupport.median(one), BenchSupport.median(one) / f, BenchSupport.median(ten), BenchSupport.median(ten) / f);
        Targets t = new Targets();
        t.atMost("churn 1% resync time / fresh load time", BenchSupport.median(one) / f, 0.15);
        t.exit();
    }

    /** Copies of the devices where every {@code every}-th one has a changed metadata value and a changed address. */
    static List<DeviceRecord> churned(List<DeviceRecord> devices, int every, int generation) {
        List<DeviceRecord> out = new ArrayList<>(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            DeviceRecord d = devices.get(i);
            boolean change = i % every == 0;
            DeviceRecord c = DeviceRecord.of(d.sourceId(), d.name(), d.type()).hostname(d.hostname()).facts(d.facts());
            d.metadata().forEach((k, v) -> {
                if (d.volatileKeys().contains(k)) {
                    c.putVolatile(k, v);
                } else {
                    c.put(k, v);
                }
            });
            if (change) {
                c.put("bench_generation", generation);
            }
            d.interfaces().forEach(c::addInterface);
            for (int j = 0; j < d.ipAddresses().size(); j++) {
                IpAddressRecord ip = d.ipAddresses().get(j);
                c.addIpAddress(change && j == 0 ? moved(ip, generation) : ip);
            }
            out.add(c);
        }
        return out;
    }

    private static IpAddressRecord moved(IpAddressRecord ip, int generation) {
        String v4 = "198.51." + generation + "." + (Math.floorMod(ip.address().hashCode(), 250) + 1);
        return new IpAddressRecord(ip.address().contains(":") ? ip.address() : v4, ip.interfaceName(), ip.dnsName());
    }

    private static void expect(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("unexpected counts: " + what);
        }
    }
}
