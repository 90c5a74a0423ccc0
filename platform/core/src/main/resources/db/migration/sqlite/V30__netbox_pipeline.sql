-- The NetBox pipeline (api.netbox.NetBoxStore): change sets with their items (the items' status is the apply journal),
-- approvals, the history of what was written to NetBox, and conflicts between hand edits in NetBox and golden values.
-- JSON columns hold maps/lists as the API records carry them (keys sorted).

CREATE TABLE netbox_changesets (
    id             INTEGER PRIMARY KEY,
    target         TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('sync', 'rollback', 'adopt')),
    rollback_of    INTEGER REFERENCES netbox_changesets (id),
    status         TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'applying', 'applied',
                                                   'partially_applied', 'failed', 'superseded')),
    hash           TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    netbox_version TEXT,
    held           TEXT NOT NULL DEFAULT '[]',
    conflicts      INTEGER NOT NULL DEFAULT 0,
    applied_by     TEXT,
    applied_at     TEXT,
    dry_run        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX netbox_changesets_target ON netbox_changesets (target, status);
CREATE INDEX netbox_changesets_rollback_of ON netbox_changesets (rollback_of);

CREATE TABLE netbox_change_items (
    id            INTEGER PRIMARY KEY,
    changeset_id  INTEGER NOT NULL REFERENCES netbox_changesets (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    ref           TEXT NOT NULL,
    action        TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),
    object_type   TEXT NOT NULL,
    netbox_id     INTEGER,
    entity_id     INTEGER,
    name          TEXT,
    site          TEXT,
    depends_on    TEXT NOT NULL DEFAULT '[]',
    fields        TEXT NOT NULL DEFAULT '[]',
    body          TEXT,
    before_image  TEXT,
    before_hash   TEXT,
    approval      TEXT NOT NULL DEFAULT 'pending' CHECK (approval IN ('pending', 'approved', 'rejected')),
    -- the journal: 'applying' is written (and committed) before the request is sent, the outcome after it answered
    status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applying', 'applied', 'failed',
                                                                    'drifted', 'skipped', 'dry_run')),
    message       TEXT,
    findings      TEXT NOT NULL DEFAULT '[]',
    UNIQUE (changeset_id, ref)
);
CREATE INDEX netbox_change_items_set ON netbox_change_items (changeset_id, seq);
CREATE INDEX netbox_change_items_entity ON netbox_change_items (entity_id);

CREATE TABLE netbox_approvals (
    id              INTEGER PRIMARY KEY,
    changeset_id    INTEGER NOT NULL REFERENCES netbox_changesets (id) ON DELETE CASCADE,
    decision        TEXT NOT NULL CHECK (decision IN ('approve', 'reject')),
    scope           TEXT NOT NULL CHECK (scope IN ('all', 'selected')),
    item_ids        TEXT NOT NULL DEFAULT '[]',
    include_deletes INTEGER NOT NULL DEFAULT 0,
    hash            TEXT NOT NULL,
    actor           TEXT NOT NULL,
    at              TEXT NOT NULL,
    comment         TEXT
);
CREATE INDEX netbox_approvals_set ON netbox_approvals (changeset_id);

-- Kept when change sets go: no foreign keys, the history is the audit trail.
CREATE TABLE netbox_history (
    id           INTEGER PRIMARY KEY,
    at           TEXT NOT NULL,
    target       TEXT NOT NULL,
    changeset_id INTEGER NOT NULL,
    item_id      INTEGER NOT NULL,
    action       TEXT NOT NULL,
    object_type  TEXT NOT NULL,
    netbox_id    INTEGER,
    entity_id    INTEGER,
    object       TEXT,
    sources      TEXT NOT NULL DEFAULT '[]',
    applied_by   TEXT,
    approved_by  TEXT,
    status       TEXT NOT NULL,
    before_image TEXT,
    after_image  TEXT,
    message      TEXT
);
-- the history's filters (newest first): target, entity, object type + NetBox id, user, time, status, change set
CREATE INDEX netbox_history_target ON netbox_history (target, at);
CREATE INDEX netbox_history_entity ON netbox_history (entity_id, at);
CREATE INDEX netbox_history_object ON netbox_history (object_type, netbox_id, at);
CREATE INDEX netbox_history_applied_by ON netbox_history (applied_by, at);
CREATE INDEX netbox_history_at ON netbox_history (at);
CREATE INDEX netbox_history_status ON netbox_history (status, at);
CREATE INDEX netbox_history_changeset ON netbox_history (changeset_id);
-- the sources behind an entity, one row each, so "source = x" is an index lookup, not a JSON scan
CREATE TABLE netbox_history_sources (
    history_id INTEGER NOT NULL REFERENCES netbox_history (id) ON DELETE CASCADE,
    source     TEXT NOT NULL,
    PRIMARY KEY (source, history_id)
) WITHOUT ROWID;
CREATE INDEX netbox_history_sources_history ON netbox_history_sources (history_id);

CREATE TABLE netbox_conflicts (
    id           INTEGER PRIMARY KEY,
    target       TEXT NOT NULL,
    object_type  TEXT NOT NULL,
    netbox_id    INTEGER,
    entity_id    INTEGER,
    object       TEXT,
    field        TEXT NOT NULL,
    attribute    TEXT,
    netbox_value TEXT,
    golden_value TEXT,
    changed_by   TEXT,
    changed_at   TEXT,
    rule         TEXT,
    suggestion   TEXT,
    status       TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
    resolution   TEXT,
    resolved_by  TEXT,
    resolved_at  TEXT,
    comment      TEXT,
    detected_at  TEXT NOT NULL
);
CREATE INDEX netbox_conflicts_target ON netbox_conflicts (target, status);
CREATE INDEX netbox_conflicts_entity ON netbox_conflicts (entity_id);
