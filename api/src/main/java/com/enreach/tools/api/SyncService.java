package com.enreach.tools.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Starts sync runs and reports on them. */
@ProviderType
public interface SyncService {

    /**
     * Starts a run of one instance in the background and returns it (status running).
     *
     * @param trigger who asked: {@code api}, {@code cli}, {@code schedule}...
     * @param confirm allow marking stale beyond the delete budget (after a run ended needs_confirmation)
     * @throws ApiException NOT_FOUND (no such instance), CONFLICT (already running: detail is the running run),
     *                      UNAVAILABLE (plugin absent, or configuration invalid: detail is the field errors)
     */
    SyncRun trigger(String instance, String trigger, boolean confirm);

    Optional<SyncRun> run(long id);

    /** Runs newest first, optionally of one instance. */
    Page<SyncRun> runs(String instance, int limit, int offset);

    /**
     * Runs newest first matching the filters (sync history by source, status and time).
     *
     * @since 1.2
     */
    Page<SyncRun> runs(SyncRunQuery query);

    /** Asks a running run to stop; returns false when it is not running. */
    boolean cancel(long id);
}
