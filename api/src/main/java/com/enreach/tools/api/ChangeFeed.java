package com.enreach.tools.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What sync runs changed in the master database, in commit order: a consumer (identity resolution, an index, a
 * writer to another system) keeps the last {@link Change#position()} it handled and reads on from there. Entries are
 * written in the same transaction as the change they describe, so the feed never shows a change that was rolled back
 * and never misses one that was committed.
 *
 * <p>Entries older than the configured retention are pruned after runs: a consumer whose position is below
 * {@link #oldestPosition()} − 1 has missed entries and should resynchronise from the data itself.
 *
 * <p>When an OSGi EventAdmin is present, the core also posts an event on {@link #TOPIC_BATCH} after each committed
 * batch that changed something, so consumers need not poll.
 *
 * @since 1.1
 */
@ProviderType
public interface ChangeFeed {
    /** EventAdmin topic posted after each committed batch with changes. */
    String TOPIC_BATCH = "com/enreach/tools/changes/BATCH";
    /** Event property: the sync run id (Long). */
    String EVENT_RUN_ID = "run.id";
    /** Event property: the source instance (String). */
    String EVENT_INSTANCE = "source.instance";
    /** Event property: the first position of the batch (Long). */
    String EVENT_FIRST_POSITION = "position.first";
    /** Event property: the last position of the batch (Long). */
    String EVENT_LAST_POSITION = "position.last";

    /**
     * Entries after a position, oldest first.
     *
     * @param afterPosition the last position the caller has handled (0 to start from the oldest kept)
     * @param limit         at most this many entries (1..10000)
     */
    List<Change> read(long afterPosition, int limit);

    /** The position of the newest entry ever written (0 when none); a consumer at this position is up to date. */
    long latestPosition();

    /** The position of the oldest entry still kept (latestPosition() + 1 when the feed is empty). */
    long oldestPosition();

    /**
     * The entries of one run, oldest first, optionally of one kind and action.
     *
     * @param kind   null for all kinds
     * @param action null for all actions
     */
    Page<Change> changesOfRun(long runId, String kind, String action, int limit, int offset);

    /** How many entries one run wrote: kind -> action -> count (pruned entries are not counted). */
    Map<String, Map<String, Long>> countsOfRun(long runId);
}
