package com.enreach.tools.api.netbox;

import java.util.List;

/**
 * The outcome of applying a change set.
 *
 * @param status   the change set's status after the run
 * @param dryRun   nothing was sent (the target is not write-enabled)
 * @param resumed  items found already applied by an earlier interrupted run (journal), not sent again
 * @param problems the items that did not apply (failed, drifted, skipped), with their messages
 */
public record ApplyResult(long changeSetId, String status, boolean dryRun, int applied, int failed, int drifted,
                          int skipped, int resumed, List<ChangeItem> problems) {
    public ApplyResult {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}
