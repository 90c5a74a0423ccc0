package com.enreach.tools.api;

import java.time.Instant;
import java.util.Map;

/** A SAN or NAS volume in the master database. Capacities in bytes. */
public record StorageVolume(long id, long arrayDeviceId, String arrayName, String sourceSystem, String sourceInstance,
                            String sourceId, String name, String kind, String pool, String svm, Long capacityBytes,
                            Long allocatedBytes, Long usedBytes, Boolean thin, String protection, String owner,
                            String wwn, String junctionPath, String exportPolicy, String health, String runningStatus,
                            Integer snapshotCount, Long snapshotReserveBytes, Long quotaLimitBytes,
                            Long quotaUsedBytes, Map<String, Object> metadata, String status, Instant lastSeen) {
}
