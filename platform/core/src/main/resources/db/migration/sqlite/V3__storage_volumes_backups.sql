-- Storage volumes (SAN and NAS in one table) and backup status per protected client or VM.

CREATE TABLE storage_volumes (
    id                     INTEGER PRIMARY KEY,
    array_device_id        INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    pool_device_id         INTEGER REFERENCES devices (id) ON DELETE SET NULL,
    source_system          TEXT    NOT NULL,
    source_instance        TEXT    NOT NULL,
    source_id              TEXT    NOT NULL,
    name                   TEXT    NOT NULL,
    kind                   TEXT    NOT NULL,
    pool                   TEXT,
    svm                    TEXT,
    capacity_bytes         INTEGER,
    allocated_bytes        INTEGER,
    used_bytes             INTEGER,
    thin                   INTEGER,
    protection             TEXT,
    owner                  TEXT,
    wwn                    TEXT,
    junction_path          TEXT,
    export_policy          TEXT,
    health                 TEXT,
    running_status         TEXT,
    snapshot_count         INTEGER,
    snapshot_reserve_bytes INTEGER,
    quota_limit_bytes      INTEGER,
    quota_used_bytes       INTEGER,
    metadata               TEXT    NOT NULL DEFAULT '{}',
    content_hash           INTEGER NOT NULL,
    status                 TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stale', 'quarantined')),
    seen_run_id            INTEGER,
    first_seen             TEXT    NOT NULL,
    last_seen              TEXT    NOT NULL,
    created_at             TEXT    NOT NULL,
    updated_at             TEXT    NOT NULL,
    UNIQUE (source_instance, source_id)
);
CREATE INDEX idx_volumes_array ON storage_volumes (array_device_id);
CREATE INDEX idx_volumes_instance_status ON storage_volumes (source_instance, status);
CREATE INDEX idx_volumes_kind ON storage_volumes (kind);
CREATE INDEX idx_volumes_wwn ON storage_volumes (wwn);

CREATE TABLE backups (
    id              INTEGER PRIMARY KEY,
    source_system   TEXT    NOT NULL,
    source_instance TEXT    NOT NULL,
    source_id       TEXT    NOT NULL,
    client_name     TEXT    NOT NULL,
    host_name       TEXT,
    host_key        TEXT,
    client_key      TEXT,
    vm_name         TEXT,
    vm_guid         TEXT,
    device_id       INTEGER REFERENCES devices (id) ON DELETE SET NULL,
    last_job        TEXT,
    last_job_status TEXT,
    last_success_at TEXT,
    jobs            TEXT    NOT NULL DEFAULT '[]',
    content_hash    INTEGER NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stale', 'quarantined')),
    seen_run_id     INTEGER,
    first_seen      TEXT    NOT NULL,
    last_seen       TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    UNIQUE (source_instance, source_id)
);
CREATE INDEX idx_backups_device ON backups (device_id);
CREATE INDEX idx_backups_instance_status ON backups (source_instance, status);
CREATE INDEX idx_backups_last_status ON backups (last_job_status);
