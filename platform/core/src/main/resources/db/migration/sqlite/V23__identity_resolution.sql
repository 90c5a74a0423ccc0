-- Identity resolution's bookkeeping: how far it has read the change feed, the other side of a manual split, and
-- indexes for the entity list's sort orders.
CREATE TABLE identity_state (
    name       TEXT    PRIMARY KEY, -- 'feed_position': the last change-feed position resolved
    value      INTEGER NOT NULL,
    updated_at TEXT    NOT NULL
);

-- A split names the observations it moved out (observations) and those they must stay apart from (apart_from).
ALTER TABLE manual_decisions ADD COLUMN apart_from TEXT; -- JSON ["<source_instance>/<source_id>", ...], splits only

CREATE INDEX idx_entities_type_name ON entities (type, name COLLATE NOCASE, id);
CREATE INDEX idx_entities_sources ON entities (source_count, name COLLATE NOCASE, id);
CREATE INDEX idx_manual_decisions_active ON manual_decisions (action, id) WHERE revoked_at IS NULL;
