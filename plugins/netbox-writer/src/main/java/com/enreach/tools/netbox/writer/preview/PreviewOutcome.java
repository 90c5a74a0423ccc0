package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.NetBoxConflict;
import com.enreach.tools.api.netbox.ValidationReport;

import java.util.List;

/**
 * What a preview produced.
 *
 * @param changeSet  unsaved (id 0, items with id 0, status pending), items in dependency order, with its hash
 * @param conflicts  conflicts found (id 0, status open): the caller stores them and keeps open ones' fields out
 * @param validation every finding of the validation (all of them: limit = count, offset 0)
 * @param timings    where the time went, in nanoseconds
 */
public record PreviewOutcome(ChangeSet changeSet, List<NetBoxConflict> conflicts, ValidationReport validation,
                             Timings timings) {
    public PreviewOutcome {
        conflicts = List.copyOf(conflicts);
    }

    /**
     * @param readEntities golden records read through EntityService
     * @param readNetBox   NetBox's state and changelog read through the client
     * @param compute      mapping, validation, diff, conflict detection and hashing (no I/O)
     * @param total        the whole preview
     * @param computeCpu   CPU time the calling thread spent in the computation (-1 when the JVM cannot tell): on a
     *                     loaded machine the wall time of {@code compute} also holds waits for a core and GC pauses
     */
    public record Timings(long readEntities, long readNetBox, long compute, long total, long computeCpu) {
    }
}
