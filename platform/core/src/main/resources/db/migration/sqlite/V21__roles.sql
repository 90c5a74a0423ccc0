-- Token roles in one canonical lower-case form. SQLite cannot change a CHECK constraint in place, so the table is
-- rebuilt (nothing references it) with existing rows lower-cased.

CREATE TABLE api_tokens_new (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    token_hash   TEXT NOT NULL UNIQUE,
    prefix       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT
);
INSERT INTO api_tokens_new (id, name, role, token_hash, prefix, created_at, last_used_at, revoked_at)
SELECT id, name, lower(role), token_hash, prefix, created_at, last_used_at, revoked_at FROM api_tokens;
DROP TABLE api_tokens;
ALTER TABLE api_tokens_new RENAME TO api_tokens;
