-- The approver role (NetBox change sets are approved by a person with this role, separate from operator). SQLite
-- cannot change a CHECK constraint in place, so the table is rebuilt (nothing references it) with its rows.

CREATE TABLE api_tokens_new (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'approver', 'admin')),
    token_hash   TEXT NOT NULL UNIQUE,
    prefix       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
INSERT INTO api_tokens_new (id, name, role, token_hash, prefix, created_at, last_used_at, revoked_at)
SELECT id, name, role, token_hash, prefix, created_at, last_used_at, revoked_at FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_new RENAME TO api_tokens;
