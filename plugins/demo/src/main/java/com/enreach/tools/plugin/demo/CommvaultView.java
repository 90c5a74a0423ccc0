package com.enreach.tools.plugin.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.enreach.tools.api.spi.BackupRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceException;

/**
 * The estate as Commvault sees it, in the shapes of the commvault plugin: backup records only (no devices) for most
 * VMs, keyed "vm:" + the VM's instance UUID (Commvault's strGUID), and for most bare-metal servers by client name.
 * Some last jobs failed, some last successes are weeks old. Jobs run at night: times count back from the start of the
 * run's day (UTC), so every run of one day sees the same jobs, and the next day brings the next night's.
 */
final class CommvaultView implements View {
    private final Estate e;
    /** Midnight (UTC) of the run's day. */
    private final Instant now;

    CommvaultView(Estate estate, Instant now) {
        this.e = estate;
        this.now = now.truncatedTo(ChronoUnit.DAYS);
    }

    /** VMs with no backup at all. */
    static boolean vmNotBackedUp(int vm) {
        return vm % 10 == 0;
    }

    static boolean lastJobFailed(int i) {
        return i % 15 == 4;
    }

    /** Last success weeks ago although the job runs (a policy that was switched off). */
    static boolean oldBackup(int i) {
        return i % 12 == 6;
    }

    @Override
    public void emit(RecordSink sink, Progress progress) throws SourceException {
        long count = 0;
        sink.phase("virtual machines");
        for (int i = 0; i < e.vms; i++) {
            if (vmNotBackedUp(i)) {
                continue;
            }
            Estate.Vm vm = e.vm(i);
            sink.backup(jobs(BackupRecord.of("vm:" + vm.instanceUuid(), vm.vcenterName()).vm(vm.vcenterName(), vm.instanceUuid()), i));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
        sink.phase("clients");
        for (int i = 0; i < e.bareMetal; i++) {
            if (i % 5 == 2) {
                continue; // not every physical server is a Commvault client
            }
            Estate.Server s = e.bareMetal(i);
            sink.backup(jobs(BackupRecord.of("client:" + s.name(), s.name()).hostName(s.fqdn()), 100_000 + i));
            if (!progress.onRecord(++count)) {
                return;
            }
        }
    }

    private BackupRecord jobs(BackupRecord r, int i) {
        // last night's job; the night before when last night's failed; weeks ago for the forgotten ones
        long daysBack = oldBackup(i) ? 15 + i % 20 : lastJobFailed(i) ? 1 : 0;
        Instant lastSuccessEnd = now.minus(Duration.ofHours(24 * daysBack + 1 + i % 20));
        BackupRecord.Job success = job(i, 1, "Completed", lastSuccessEnd);
        if (lastJobFailed(i)) {
            BackupRecord.Job failed = job(i, 0, "Failed", now.minus(Duration.ofHours(1 + i % 5)));
            return r.lastJob(failed).addJob(failed).addJob(success).lastSuccessAt(lastSuccessEnd);
        }
        return r.lastJob(success).addJob(success).lastSuccessAt(lastSuccessEnd);
    }

    private static BackupRecord.Job job(int i, int n, String status, Instant end) {
        return new BackupRecord.Job(Long.toString(5_000_000L + i * 2L + n), n == 0 ? "Incremental" : "Synthetic Full", status,
                end.minus(Duration.ofMinutes(20 + i % 40)), end, status.equals("Failed") ? null : (long) (1 + i % 50) << 30);
    }
}
