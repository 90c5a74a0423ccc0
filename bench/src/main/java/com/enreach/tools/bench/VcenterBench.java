package com.enreach.tools.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.SyncRun;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.plugin.demo.DemoConnector;
import com.enreach.tools.plugin.vcenter.VcenterConnector;
import com.enreach.tools.plugin.vcenter.VcsimServer;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

/**
 * A vCenter sync from vcsim with N VMs through the real engine: records per second and peak heap, printed next to
 * the raw executeBatch insert reference measured in the same run.
 */
public final class VcenterBench {
    private VcenterBench() {
    }

    /** Counts records and keeps none. */
    private static final class CountingSink extends CollectingSink {
        long records;

        @Override
        public void device(DeviceRecord device) {
            records++;
        }

        @Override
        public void relationship(com.enreach.tools.api.spi.RelationshipRecord relationship) {
        }
    }

    public static void main(String[] args) throws Exception {
        int vms = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int clusters = 5;
        int hostsPerCluster = 10;
        int vmsPerHost = Math.max(1, vms / (clusters * hostsPerCluster));
        Path dir = BenchSupport.tempDir("enreach-vcbench");
        try (VcsimServer vc = VcsimServer.start(clusters, hostsPerCluster, vmsPerHost)) {
            CollectingSink sink = new CollectingSink();
            new DemoConnector(Map.of("size", "100000", "churn.percent", "0")).fetch(new TestContext("ref"), sink);
            List<DeviceRecord> plain = new ArrayList<>();
            for (DeviceRecord d : sink.devices.values()) {
                DeviceRecord c = DeviceRecord.of(d.sourceId(), d.name(), d.type());
                d.metadata().forEach(c::put);
                plain.add(c);
            }
            double raw = BenchSupport.rawInsert(dir, BenchSupport.rawRows(plain));
            sink = null;
            plain = null;
            System.gc();
            try (BenchSupport.Engine e = new BenchSupport.Engine(dir.resolve("vc.db"))) {
                Map<String, Object> cfg = new HashMap<>(vc.config());
                cfg.put("page.size", "500");
                // The same fetch into a sink that keeps nothing: how fast vcsim and the SOAP client alone are.
                // Measured warm: the first fetch warms vcsim's caches and this JVM, the second is timed.
                new VcenterConnector(cfg).fetch(new TestContext("vcenter-bench"), new CountingSink());
                CountingSink counter = new CountingSink();
                long f0 = System.nanoTime();
                new VcenterConnector(cfg).fetch(new TestContext("vcenter-bench"), counter);
                double fetchOnly = counter.records / BenchSupport.seconds(f0);
                e.add("vcenter-bench", new VcenterConnector(cfg));
                BenchSupport.resetPeaks();
                long t0 = System.nanoTime();
                SyncRun r = e.run("vcenter-bench");
                double s = BenchSupport.seconds(t0);
                long peak = BenchSupport.peakHeapBytes();
                System.out.printf("RESULT vcenter (%,d VMs, %,d records from vcsim): sync %.1f s, %,.0f records/s, peak heap %d MB (max %d MB)"
                        + " | fetch alone, warm (vcsim + SOAP, no database) %,.0f records/s: sync = %.2fx of fetch alone"
                        + " | raw executeBatch reference %,.0f rows/s%n",
                        clusters * hostsPerCluster * vmsPerHost, r.fetched(), s, r.fetched() / s, peak >> 20, Runtime.getRuntime().maxMemory() >> 20,
                        fetchOnly, (r.fetched() / s) / fetchOnly, raw);
            }
        } finally {
            BenchSupport.deleteTree(dir);
        }
    }
}
