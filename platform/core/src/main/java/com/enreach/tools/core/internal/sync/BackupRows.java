package com.enreach.tools.core.internal.sync;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.core.internal.db.Json;
import com.enreach.tools.core.internal.db.Times;

/** Turns backup records into rows of {@link RunLoader#BACKUPS}; jobs are kept as JSON, newest first. */
final class BackupRows {
    private BackupRows() {
    }

    static OwnedTable.Row row(BackupRecord b) {
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (BackupRecord.Job j : b.jobs()) {
            jobs.add(job(j));
        }
        jobs.sort((x, y) -> String.valueOf(y.get("start")).compareTo(String.valueOf(x.get("start"))));
        String lastJob = b.lastJob() == null ? null : Json.write(job(b.lastJob()));
        String vmGuid = b.vmGuid() == null ? null : b.vmGuid().toLowerCase(java.util.Locale.ROOT);
        Object[] values = {b.clientName(), b.hostName(), Normalize.hostKey(b.hostName()), Normalize.hostKey(b.vmName() != null ? b.vmName() : b.clientName()),
            b.vmName(), vmGuid, lastJob, b.lastJob() == null ? null : b.lastJob().status(), Times.format(b.lastSuccessAt()), Json.write(jobs)};
        return new OwnedTable.Row(b.sourceId(), Json.hash(Json.write(java.util.Arrays.asList(values))), values);
    }

    static Map<String, Object> job(BackupRecord.Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", j.jobId());
        m.put("level", j.level());
        m.put("status", j.status());
        m.put("start", Times.format(j.start()));
        m.put("end", Times.format(j.end()));
        m.put("size_bytes", j.sizeBytes());
        return m;
    }
}
