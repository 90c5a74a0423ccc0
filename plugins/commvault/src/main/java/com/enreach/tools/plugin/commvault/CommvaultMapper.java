package com.enreach.tools.plugin.commvault;

import static com.enreach.tools.plugin.commvault.CommvaultValues.epoch;
import static com.enreach.tools.plugin.commvault.CommvaultValues.id;
import static com.enreach.tools.plugin.commvault.CommvaultValues.number;
import static com.enreach.tools.plugin.commvault.CommvaultValues.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.fasterxml.jackson.databind.JsonNode;

/** Maps Commvault clients, backup jobs and VM status entries to backup records. */
final class CommvaultMapper {
    /** vmStatus codes as the Command Center shows them. */
    private static final Map<Long, String> VM_STATUS = Map.of(
            1L, "Protected", 2L, "Not protected", 3L, "Pending", 4L, "Backed up with errors", 5L, "Discovered");

    /** The few client fields a run keeps while it reads each client's jobs. */
    record Client(String id, String name, String hostName) {
        String sourceId() {
            return "client:" + id;
        }
    }

    private CommvaultMapper() {
    }

    /** The clients of a GET /Client answer; a missing list means none. */
    static List<Client> clients(JsonNode root) throws PermanentSourceException {
        List<Client> out = new ArrayList<>();
        for (JsonNode p : list(root, "clientProperties", "/Client")) {
            JsonNode entity = p.path("client").path("clientEntity");
            String id = id(entity, "clientId");
            if (id == null) {
                throw PermanentSourceException.malformed("Commvault GET /Client", "a client has no clientEntity.clientId", null);
            }
            String name = text(entity, "clientName");
            if (name == null) {
                name = text(entity, "displayName");
            }
            out.add(new Client(id, name == null ? id : name, text(entity, "hostName")));
        }
        return out;
    }

    /** One jobs[] entry of a GET /Job answer. */
    static BackupRecord.Job job(JsonNode entry) throws PermanentSourceException {
        JsonNode s = entry.path("jobSummary");
        String jobId = id(s, "jobId");
        if (jobId == null) {
            throw PermanentSourceException.malformed("Commvault GET /Job", "a job has no jobSummary.jobId", null);
        }
        String status = text(s, "status");
        return new BackupRecord.Job(jobId, text(s, "backupLevelName"), status == null ? text(s, "localizedStatus") : status,
                epoch(s, "jobStartTime"), epoch(s, "jobEndTime"), number(s, "sizeOfApplication"));
    }

    /** Whether a job status counts as a successful backup; "Completed w/ one or more errors" does not. */
    static boolean successful(String status) {
        return status != null && (status.equalsIgnoreCase("Completed") || status.equalsIgnoreCase("Completed w/ one or more warnings"));
    }

    /** The newer of two jobs by start time, then by job id. */
    static BackupRecord.Job newer(BackupRecord.Job a, BackupRecord.Job b) {
        if (a == null) {
            return b;
        }
        Instant sa = a.start() == null ? Instant.MIN : a.start();
        Instant sb = b.start() == null ? Instant.MIN : b.start();
        int c = sa.compareTo(sb);
        if (c == 0) {
            c = Long.compare(numeric(a.jobId()), numeric(b.jobId()));
        }
        return c >= 0 ? a : b;
    }

    private static long numeric(String id) {
        return id.matches("\\d{1,18}") ? Long.parseLong(id) : 0;
    }

    /**
     * One vmStatusInfoList entry. Its last backup comes from the entry itself (bkpStartTime, bkpEndTime,
     * vmBackupJob) or from lastBackupJobInfo, whichever is present.
     *
     * @return null when the entry has no strGUID to key it by
     */
    static BackupRecord vm(JsonNode vm) {
        String guid = text(vm, "strGUID");
        if (guid == null) {
            return null;
        }
        String name = text(vm, "name");
        name = name == null ? guid : name;
        String clientName = text(vm.path("client"), "clientName");
        BackupRecord r = BackupRecord.of("vm:" + guid, clientName == null ? name : clientName).vm(name, guid);

        JsonNode last = vm.path("lastBackupJobInfo");
        String jobId = id(vm, "vmBackupJob");
        if (jobId == null) {
            jobId = id(last, "jobID");
        }
        Instant start = epoch(vm, "bkpStartTime");
        if (start == null) {
            start = epoch(last.path("startTime"), "time");
        }
        Instant end = epoch(vm, "bkpEndTime");
        if (end == null) {
            end = epoch(last.path("endTime"), "time");
        }
        Long code = number(vm, "vmStatus");
        String status = text(last, "status");
        if (status == null && code != null) {
            status = VM_STATUS.getOrDefault(code, "vmStatus " + code);
        }
        if (jobId != null) {
            BackupRecord.Job job = new BackupRecord.Job(jobId, text(last, "backupLevelName"), status, start, end, number(last, "sizeOfApplication"));
            r.lastJob(job).addJob(job);
        }
        boolean ok = text(last, "status") != null ? successful(text(last, "status")) : Long.valueOf(1).equals(code);
        if (ok && end != null) {
            r.lastSuccessAt(end);
        }
        return r;
    }

    /** A list member: absent means empty (Commvault leaves empty lists out), anything but an array is malformed. */
    static List<JsonNode> list(JsonNode root, String field, String path) throws PermanentSourceException {
        if (!root.isObject()) {
            throw PermanentSourceException.malformed("Commvault GET " + path, "the answer is not a JSON object", null);
        }
        JsonNode v = root.get(field);
        if (v == null || v.isNull()) {
            Long error = number(root, "errorCode");
            if (error != null && error != 0) {
                String m = text(root, "errorMessage");
                throw new PermanentSourceException("api_error", null, "Commvault GET " + path + " failed with error " + error
                        + (m == null ? "" : ": " + m), null, null);
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw PermanentSourceException.malformed("Commvault GET " + path, field + " is not a list", null);
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }
}
