-- The change feed: what each run changed, written in the same transaction as the change itself.
-- position is AUTOINCREMENT so it never goes back, even after pruning removed the newest rows' predecessors.
-- No foreign keys: the log describes rows and runs that may be gone by the time it is read.
CREATE TABLE change_log (
    position        INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id          INTEGER NOT NULL,
    source_instance TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    action          TEXT    NOT NULL CHECK (action IN ('created', 'updated', 'stale', 'reactivated', 'deleted')),
    entity_id       INTEGER,
    device_id       INTEGER,
    source_id       TEXT,
    name            TEXT,
    fields          TEXT,
    changed_at      TEXT    NOT NULL
);
CREATE INDEX idx_change_log_run ON change_log (run_id, kind, action);
CREATE INDEX idx_change_log_changed_at ON change_log (changed_at);
