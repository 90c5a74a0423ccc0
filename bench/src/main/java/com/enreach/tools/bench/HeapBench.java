package com.enreach.tools.bench;

import java.nio.file.Path;
import java.util.Map;

import com.enreach.tools.api.SyncRun;
import com.enreach.tools.plugin.demo.DemoConnector;

/**
 * Peak heap during a demo sync of N devices (with interfaces, IPs, facts, configs and relationships), run in a JVM
 * started with -Xmx256m: the target is that it completes there and the peak stays within 256 MB.
 */
public final class HeapBench {
    private HeapBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = BenchSupport.tempDir("enreach-heap");
        try (BenchSupport.Engine e = new BenchSupport.Engine(dir.resolve("heap.db"))) {
            e.add("demo-heap", new DemoConnector(Map.of("size", Integer.toString(n), "churn.percent", "0")));
            System.gc();
            BenchSupport.resetPeaks();
            long t0 = System.nanoTime();
            SyncRun r = e.run("demo-heap");
            double s = BenchSupport.seconds(t0);
            long peak = BenchSupport.peakHeapBytes();
            System.out.printf("RESULT heap (%,d-device demo sync): %s in %.1f s (%,.0f devices/s), peak heap used %d MB, max heap %d MB (target <= 256 MB)%n",
                    n, r.status(), s, r.added() / s, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            BenchSupport.deleteTree(dir);
        }
    }
}
