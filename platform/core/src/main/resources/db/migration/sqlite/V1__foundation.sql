-- Foundation: devices, relationships, sync bookkeeping, API tokens.
-- Timestamps are ISO-8601 UTC text (sortable); metadata is JSON text.

CREATE TABLE devices (
    id              INTEGER PRIMARY KEY,
    name            TEXT    NOT NULL,
    type            TEXT    NOT NULL,
    source_system   TEXT    NOT NULL,
    source_instance TEXT    NOT NULL,
    source_id       TEXT    NOT NULL,
    host_key        TEXT,
    metadata        TEXT    NOT NULL DEFAULT '{}',
    content_hash    INTEGER NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stale', 'quarantined')),
    seen_run_id     INTEGER,
    first_seen      TEXT    NOT NULL,
    last_seen       TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    UNIQUE (source_instance, source_id)
);
CREATE INDEX idx_devices_source_system ON devices (source_system);
CREATE INDEX idx_devices_instance_status ON devices (source_instance, status);
CREATE INDEX idx_devices_type ON devices (type);
CREATE INDEX idx_devices_status ON devices (status);
CREATE INDEX idx_devices_name ON devices (name COLLATE NOCASE);
CREATE INDEX idx_devices_host_key ON devices (host_key);

CREATE TABLE device_relationships (
    id              INTEGER PRIMARY KEY,
    from_device_id  INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    to_device_id    INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    type            TEXT    NOT NULL,
    source_instance TEXT    NOT NULL,
    seen_run_id     INTEGER,
    created_at      TEXT    NOT NULL,
    UNIQUE (source_instance, from_device_id, type, to_device_id)
);
CREATE INDEX idx_relationships_from ON device_relationships (from_device_id);
CREATE INDEX idx_relationships_to ON device_relationships (to_device_id);

CREATE TABLE sync_metadata (
    source_instance TEXT PRIMARY KEY,
    source_system   TEXT    NOT NULL,
    last_attempt_at TEXT,
    last_success_at TEXT,
    last_run_id     INTEGER,
    last_status     TEXT,
    state           TEXT,
    updated_at      TEXT    NOT NULL
);

CREATE TABLE sync_history (
    id              INTEGER PRIMARY KEY,
    source_instance TEXT    NOT NULL,
    source_system   TEXT    NOT NULL,
    trigger         TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    phase           TEXT,
    confirmed       INTEGER NOT NULL DEFAULT 0,
    started_at      TEXT    NOT NULL,
    finished_at     TEXT,
    fetched         INTEGER NOT NULL DEFAULT 0,
    added           INTEGER NOT NULL DEFAULT 0,
    updated         INTEGER NOT NULL DEFAULT 0,
    unchanged       INTEGER NOT NULL DEFAULT 0,
    stale           INTEGER NOT NULL DEFAULT 0,
    warnings        INTEGER NOT NULL DEFAULT 0,
    error_message   TEXT,
    warning_samples TEXT
);
CREATE INDEX idx_sync_history_instance ON sync_history (source_instance, id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('VIEWER', 'OPERATOR', 'ADMIN')),
    token_hash   TEXT NOT NULL UNIQUE,
    prefix       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
