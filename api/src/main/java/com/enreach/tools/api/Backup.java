package com.enreach.tools.api;

import java.time.Instant;
import java.util.List;

/** Backup status of one protected client or VM, linked to a device when one matched. */
public record Backup(long id, String sourceSystem, String sourceInstance, String sourceId, String clientName,
                     String hostName, String vmName, String vmGuid, Long deviceId, Job lastJob,
                     Instant lastSuccessAt, List<Job> jobs, String status, Instant lastSeen) {
    /** One backup job. */
    public record Job(String jobId, String level, String status, Instant start, Instant end, Long sizeBytes) {
    }
}
