-- Golden records' own state. Key 'rules': the rules the stored golden values were chosen with (in the rules file's
-- format), so a start with a rules file edited while the platform was down recomputes every entity, and a start with
-- a rules file that has errors keeps those rules in force.
CREATE TABLE golden_state (
    key        TEXT PRIMARY KEY,
    value      TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- Overrides in force are looked up per entity (idx_manual_decisions_entity); expiry sweeps look them up by time.
CREATE INDEX idx_manual_decisions_expiry ON manual_decisions (expires_at) WHERE action = 'override' AND revoked_at IS NULL;
