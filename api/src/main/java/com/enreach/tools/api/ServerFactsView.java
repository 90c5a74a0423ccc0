package com.enreach.tools.api;

import java.time.Instant;
import java.util.List;

/** The facts one source instance reported about a server. */
public record ServerFactsView(long deviceId, String sourceInstance, String osName, String osRelease, String kernel,
                              String cpuModel, Integer cpuCount, Long memoryBytes, List<Disk> disks,
                              Long uptimeSeconds, Boolean virtual, String virtualType, String serialNumber,
                              String manufacturer, String product, Instant updatedAt) {
    /** A disk. */
    public record Disk(String name, Long sizeBytes, String model) {
    }
}
