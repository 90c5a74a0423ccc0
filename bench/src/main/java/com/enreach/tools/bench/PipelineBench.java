package com.enreach.tools.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.plugin.demo.DemoConnector;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/**
 * Sync pipeline rate against a raw sqlite-jdbc executeBatch insert of the same rows, in the same run: a fresh load
 * (target 0.8x), and a no-change resync of N devices against a raw reference doing the same work, looking the rows up
 * and touching them (target 0.75x). Three rounds each; medians compared.
 */
public final class PipelineBench {
    private PipelineBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        CollectingSink sink = new CollectingSink();
        new DemoConnector(Map.of("size", Integer.toString(n), "churn.percent", "0")).fetch(new TestContext("bench"), sink);
        // The same rows on both sides: devices with their metadata (children would add rows only the pipeline writes).
        List<DeviceRecord> devices = new ArrayList<>(n);
        for (DeviceRecord d : sink.devices.values()) {
            DeviceRecord copy = DeviceRecord.of(d.sourceId(), d.name(), d.type());
            d.metadata().forEach(copy::put);
            devices.add(copy);
        }
        List<Object[]> rows = BenchSupport.rawRows(devices);
        Path dir = BenchSupport.tempDir("enreach-bench");
        int rounds = 3;
        double[] raw = new double[rounds];
        double[] fresh = new double[rounds];
        double[] resync = new double[rounds];
        double[] touch = new double[rounds];
        try {
            for (int i = 0; i < rounds; i++) {
                raw[i] = BenchSupport.rawInsert(dir, rows);
                touch[i] = BenchSupport.rawTouch(dir, rows);
                try (BenchSupport.Engine e = new BenchSupport.Engine(dir.resolve("pipe-" + i + ".db"))) {
                    e.add("bench-" + i, BenchSupport.replay(devices));
                    long t0 = System.nanoTime();
                    SyncRun first = e.run("bench-" + i);
                    fresh[i] = first.added() / BenchSupport.seconds(t0);
                    t0 = System.nanoTime();
                    SyncRun second = e.run("bench-" + i);
                    resync[i] = second.unchanged() / BenchSupport.seconds(t0);
                    if (first.added() != n || second.unchanged() != n) {
                        throw new IllegalStateException("unexpected counts " + first + " / " + second);
                    }
                }
                System.out.printf("round %d: raw insert %,.0f rows/s, raw look-up-and-touch %,.0f rows/s, pipeline fresh %,.0f rows/s,"
                        + " pipeline no-change resync %,.0f rows/s%n", i + 1, raw[i], touch[i], fresh[i], resync[i]);
            }
        } finally {
            BenchSupport.deleteTree(dir);
        }
        double r = BenchSupport.median(raw);
        double t = BenchSupport.median(touch);
        System.out.printf("RESULT pipeline (%,d devices): raw executeBatch %,.0f rows/s | fresh load %,.0f rows/s = %.2fx"
                + " | raw look-up-and-touch %,.0f rows/s | no-change resync %,.0f rows/s = %.2fx%n",
                n, r, BenchSupport.median(fresh), BenchSupport.median(fresh) / r, t, BenchSupport.median(resync), BenchSupport.median(resync) / t);
        Targets targets = new Targets();
        targets.atLeast("fresh load / raw executeBatch", BenchSupport.median(fresh) / r, 0.8);
        targets.atLeast("no-change resync / raw look-up-and-touch", BenchSupport.median(resync) / t, 0.75);
        targets.exit();
    }
}
