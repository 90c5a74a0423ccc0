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
 * and touching them (target 0.75x). A warm-up round that is not counted, then three rounds, each with three resync
 * passes on both sides (a resync of 100k devices takes a third of a second: one pass alone is mostly noise); medians
 * compared.
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
        int passes = 3;
        double[] raw = new double[rounds];
        double[] same = new double[rounds];
        double[] fresh = new double[rounds];
        double[] resync = new double[rounds * passes];
        double[] touch = new double[rounds * passes];
        try {
            // round 0 warms both sides up (the JIT) and is not counted
            for (int i = 0; i <= rounds; i++) {
                double rawRate = BenchSupport.rawInsert(dir, rows);
                double sameRate = BenchSupport.rawInsertSameWork(dir, rows);
                double[] touchRates = BenchSupport.rawTouch(dir, rows, passes);
                double freshRate;
                double[] resyncRates = new double[passes];
                try (BenchSupport.Engine e = new BenchSupport.Engine(dir.resolve("pipe-" + i + ".db"))) {
                    e.add("bench-" + i, BenchSupport.replay(devices));
                    long t0 = System.nanoTime();
                    SyncRun first = e.run("bench-" + i);
                    freshRate = first.added() / BenchSupport.seconds(t0);
                    for (int p = 0; p < passes; p++) {
                        t0 = System.nanoTime();
                        SyncRun again = e.run("bench-" + i);
                        resyncRates[p] = again.unchanged() / BenchSupport.seconds(t0);
                        if (again.unchanged() != n) {
                            throw new IllegalStateException("unexpected counts " + again);
                        }
                    }
                    if (first.added() != n) {
                        throw new IllegalStateException("unexpected counts " + first);
                    }
                }
                System.out.printf("%s: raw insert %,.0f rows/s (with change log and search index %,.0f), raw look-up-and-touch %s rows/s, pipeline fresh %,.0f rows/s,"
                        + " pipeline no-change resync %s rows/s%n", i == 0 ? "warm-up (not counted)" : "round " + i, rawRate, sameRate, rates(touchRates),
                        freshRate, rates(resyncRates));
                if (i > 0) {
                    raw[i - 1] = rawRate;
                    same[i - 1] = sameRate;
                    fresh[i - 1] = freshRate;
                    System.arraycopy(touchRates, 0, touch, (i - 1) * passes, passes);
                    System.arraycopy(resyncRates, 0, resync, (i - 1) * passes, passes);
                }
            }
        } finally {
            BenchSupport.deleteTree(dir);
        }
        double r = BenchSupport.median(raw);
        double t = BenchSupport.median(touch);
        System.out.printf("RESULT pipeline (%,d devices): raw executeBatch %,.0f rows/s | fresh load %,.0f rows/s = %.2fx"
                + " | raw look-up-and-touch %,.0f rows/s | no-change resync %,.0f rows/s = %.2fx%n",
                n, r, BenchSupport.median(fresh), BenchSupport.median(fresh) / r, t, BenchSupport.median(resync), BenchSupport.median(resync) / t);
        System.out.printf("RESULT fresh load / raw insert with the same change log and search index, one transaction: %.2fx (reported, not a target)%n",
                BenchSupport.median(fresh) / BenchSupport.median(same));
        Targets targets = new Targets();
        targets.atLeast("fresh load / raw executeBatch", BenchSupport.median(fresh) / r, 0.8);
        targets.atLeast("no-change resync / raw look-up-and-touch", BenchSupport.median(resync) / t, 0.75);
        targets.exit();
    }

    private static String rates(double[] r) {
        StringBuilder b = new StringBuilder();
        for (double x : r) {
            b.append(b.length() == 0 ? "" : " / ").append(String.format("%,.0f", x));
        }
        return b.toString();
    }
}
