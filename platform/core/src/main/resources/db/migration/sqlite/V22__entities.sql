-- The unified inventory: entities resolved from the per-source observations (device rows), the links with the rule
-- that made each, normalised identifiers, golden attributes with provenance, identity conflicts and manual decisions.
-- Identity resolution (core internal/identity) owns entities' membership: entity_links, identity_keys,
-- identity_conflicts, merge/split decisions. Golden records (core internal/golden) own what is derived from the
-- observations: entity_attributes and the entities' name, type, status, site, sources, counts and last_seen.

CREATE TABLE entities (
    id                INTEGER PRIMARY KEY,
    name              TEXT    NOT NULL,
    type              TEXT    NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stale')),
    site              TEXT,
    sources           TEXT    NOT NULL DEFAULT '[]', -- JSON array of the source instances with an active observation, sorted
    source_count      INTEGER NOT NULL DEFAULT 0,
    observation_count INTEGER NOT NULL DEFAULT 0,
    conflict_count    INTEGER NOT NULL DEFAULT 0,
    last_seen         TEXT,
    created_at        TEXT    NOT NULL,
    updated_at        TEXT    NOT NULL
);
CREATE INDEX idx_entities_name ON entities (name COLLATE NOCASE, id);
CREATE INDEX idx_entities_type ON entities (type);
CREATE INDEX idx_entities_status ON entities (status);
CREATE INDEX idx_entities_site ON entities (site COLLATE NOCASE);
CREATE INDEX idx_entities_last_seen ON entities (last_seen);

-- One row per observation: which entity it belongs to and why.
CREATE TABLE entity_links (
    device_id  INTEGER PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    rule       TEXT    NOT NULL, -- source-id, system_uuid, serial, mac, fqdn, hostname, ip, manual
    confidence REAL    NOT NULL,
    evidence   TEXT,
    linked_at  TEXT    NOT NULL
);
CREATE INDEX idx_entity_links_entity ON entity_links (entity_id);

-- Normalised identifiers of each observation (system_uuid, serial, mac, fqdn, hostname, ip, instance_uuid).
CREATE TABLE identity_keys (
    device_id INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    kind      TEXT    NOT NULL,
    value     TEXT    NOT NULL,
    PRIMARY KEY (device_id, kind, value)
) WITHOUT ROWID;
CREATE INDEX idx_identity_keys_value ON identity_keys (kind, value);

-- Golden value per entity and attribute, with its provenance and the other sources' differing values.
CREATE TABLE entity_attributes (
    entity_id       INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    attribute       TEXT    NOT NULL,
    value           TEXT    NOT NULL, -- JSON
    device_id       INTEGER,          -- the observation it came from; null for a manual override
    source_system   TEXT    NOT NULL, -- 'manual' for an override
    source_instance TEXT    NOT NULL, -- 'manual' for an override
    seen_at         TEXT,
    rule            TEXT    NOT NULL,
    alternatives    TEXT    NOT NULL DEFAULT '[]', -- JSON [{value, device_id, source_system, source_instance, seen_at}]
    conflict        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_id, attribute)
);
CREATE INDEX idx_entity_attributes_conflicts ON entity_attributes (attribute, entity_id) WHERE conflict = 1;
CREATE INDEX idx_entity_attributes_value ON entity_attributes (attribute, value);

CREATE TABLE identity_conflicts (
    id          INTEGER PRIMARY KEY,
    kind        TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    detail      TEXT    NOT NULL,
    entity_ids  TEXT    NOT NULL DEFAULT '[]', -- JSON
    device_ids  TEXT    NOT NULL DEFAULT '[]', -- JSON
    status      TEXT    NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    created_at  TEXT    NOT NULL,
    resolved_at TEXT
);
CREATE INDEX idx_identity_conflicts_status ON identity_conflicts (status, id);
CREATE INDEX idx_identity_conflicts_key ON identity_conflicts (kind, key);

-- Operators' merges, splits and overrides, named by observation (source_instance/source_id) so they survive syncs
-- and rebuilds. Never deleted: revoking sets revoked_at (the audit trail).
CREATE TABLE manual_decisions (
    id           INTEGER PRIMARY KEY,
    action       TEXT    NOT NULL CHECK (action IN ('merge', 'split', 'override')),
    entity_id    INTEGER,
    observations TEXT    NOT NULL DEFAULT '[]', -- JSON ["<source_instance>/<source_id>", ...]
    attribute    TEXT,
    value        TEXT,                          -- JSON, for overrides
    reason       TEXT,
    actor        TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    expires_at   TEXT,
    revoked_at   TEXT,
    revoked_by   TEXT
);
CREATE INDEX idx_manual_decisions_entity ON manual_decisions (entity_id, action);
