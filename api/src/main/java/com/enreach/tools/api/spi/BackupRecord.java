package com.enreach.tools.api.spi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Backup status of one protected client or VM. The core links it to a device other sources know, by
 * {@link #vmGuid()} first, then host name, then client name.
 */
public final class BackupRecord {
    private final String sourceId;
    private final String clientName;
    private String hostName;
    private String vmName;
    private String vmGuid;
    private Job lastJob;
    private Instant lastSuccessAt;
    private final List<Job> jobs = new ArrayList<>();

    /**
     * One backup job.
     *
     * @param jobId     the job id in the backup system
     * @param level     Full, Incremental, Differential, Synthetic Full...
     * @param status    as the backup system says (Completed, Failed, Completed w/ one or more errors...)
     * @param sizeBytes may be null
     */
    public record Job(String jobId, String level, String status, Instant start, Instant end, Long sizeBytes) {
        public Job {
            Objects.requireNonNull(jobId, "jobId is null");
        }
    }

    private BackupRecord(String sourceId, String clientName) {
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId is null");
        this.clientName = Objects.requireNonNull(clientName, "clientName is null");
    }

    public static BackupRecord of(String sourceId, String clientName) {
        return new BackupRecord(sourceId, clientName);
    }

    public BackupRecord hostName(String value) { this.hostName = value; return this; }
    public BackupRecord vm(String name, String guid) { this.vmName = name; this.vmGuid = guid; return this; }
    public BackupRecord lastJob(Job job) { this.lastJob = job; return this; }
    public BackupRecord lastSuccessAt(Instant value) { this.lastSuccessAt = value; return this; }

    /** Adds a job to the history window kept for this client (newest first is not required). */
    public BackupRecord addJob(Job job) {
        jobs.add(Objects.requireNonNull(job, "job is null"));
        return this;
    }

    public String sourceId() { return sourceId; }
    public String clientName() { return clientName; }
    public String hostName() { return hostName; }
    public String vmName() { return vmName; }
    public String vmGuid() { return vmGuid; }
    public Job lastJob() { return lastJob; }
    public Instant lastSuccessAt() { return lastSuccessAt; }
    public List<Job> jobs() { return Collections.unmodifiableList(jobs); }
}
