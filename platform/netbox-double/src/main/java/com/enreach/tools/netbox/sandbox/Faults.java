package com.enreach.tools.netbox.sandbox;

import com.enreach.tools.netbox.sandbox.internal.Reply;

import java.util.HashMap;
import java.util.Map;

/** Injected failures, counted per request: throttling, crashes, lost answers and held writes. */
final class Faults {
    private int failCount;
    private int failStatus;
    private int retryAfter;
    private int writes;
    private int crashAfter = -1;
    private int loseAnswerOf = -1;
    private final Map<Integer, WriteLatch> blocks = new HashMap<>();

    synchronized void failNext(int n, int status, int retryAfterSeconds) {
        failCount = n;
        failStatus = status;
        retryAfter = retryAfterSeconds;
    }

    synchronized void crashAfterWrites(int n) {
        crashAfter = writes + n;
    }

    synchronized void loseAnswerOf(int nth) {
        loseAnswerOf = writes + nth;
    }

    synchronized void block(int nth, WriteLatch latch) {
        blocks.put(writes + nth, latch);
    }

    synchronized void reset() {
        failCount = 0;
        crashAfter = -1;
        loseAnswerOf = -1;
        blocks.values().forEach(WriteLatch::release);
        blocks.clear();
    }

    /** An answer that replaces the request, or null to go on; may hold a write or drop the connection. */
    NetBoxResponse beforeRequest(boolean write) {
        WriteLatch latch = null;
        synchronized (this) {
            if (failCount > 0) {
                failCount--;
                Map<String, String> headers = new HashMap<>();
                headers.put("Content-Type", "application/json");
                if (retryAfter > 0) {
                    headers.put("Retry-After", String.valueOf(retryAfter));
                }
                String detail = failStatus == 429 ? "Request was throttled. Expected available in " + retryAfter + " seconds."
                        : "Injected failure " + failStatus;
                return new NetBoxResponse(failStatus, headers, Reply.detail(failStatus, detail).body());
            }
            if (!write) {
                return null;
            }
            if (crashAfter >= 0 && writes >= crashAfter) {
                throw new ConnectionDropped("NetBox double crashed (injected): write not applied", false);
            }
            latch = blocks.remove(writes + 1);
        }
        if (latch != null) {
            latch.block(); // outside the lock: reads and the test go on while this write waits
        }
        return null;
    }

    void afterRequest(boolean write) {
        if (!write) {
            return;
        }
        synchronized (this) {
            writes++;
            if (writes == loseAnswerOf) {
                throw new ConnectionDropped("NetBox double lost the answer (injected): write applied", true);
            }
        }
    }
}
