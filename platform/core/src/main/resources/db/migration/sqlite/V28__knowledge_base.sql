-- Knowledge base: cached articles (Confluence pages) and tickets (Jira issues) with their comments, the text search
-- over them (the fallback when no vector index plugin is installed), the entities they mention, the chunk vectors of
-- the embedding model and each content's vectorisation state. Articles and tickets are owned by their source instance
-- like devices (source_instance, source_id, content_hash, status active/stale, seen_run_id ...), so the sync engine's
-- stale rules and delete budget apply to them unchanged.

CREATE TABLE kb_articles (
    id              INTEGER PRIMARY KEY,
    source_system   TEXT    NOT NULL,
    source_instance TEXT    NOT NULL,
    source_id       TEXT    NOT NULL,
    space_key       TEXT,
    space_name      TEXT,
    title           TEXT    NOT NULL,
    body_html       TEXT    NOT NULL DEFAULT '',   -- sanitised
    body_text       TEXT    NOT NULL DEFAULT '',   -- structured plain text, for search and the assistant
    url             TEXT,
    version         INTEGER,
    revision        TEXT,                          -- the plugin's change marker (version, parent...)
    last_updated    TEXT,
    author          TEXT,
    labels          TEXT    NOT NULL DEFAULT '[]', -- JSON array
    ancestors       TEXT    NOT NULL DEFAULT '[]', -- JSON array of titles, root first
    parent_id       TEXT,
    content_hash    INTEGER NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stale', 'quarantined')),
    seen_run_id     INTEGER,
    first_seen      TEXT    NOT NULL,
    last_seen       TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    UNIQUE (source_instance, source_id)
);
CREATE INDEX idx_kb_articles_instance_status ON kb_articles (source_instance, status);
CREATE INDEX idx_kb_articles_space ON kb_articles (space_key COLLATE NOCASE);
CREATE INDEX idx_kb_articles_updated ON kb_articles (last_updated);

CREATE TABLE kb_tickets (
    id              INTEGER PRIMARY KEY,
    source_system   TEXT    NOT NULL,
    source_instance TEXT    NOT NULL,
    source_id       TEXT    NOT NULL,
    ticket_key      TEXT    NOT NULL,
    project         TEXT,
    project_name    TEXT,
    type            TEXT,
    summary         TEXT    NOT NULL DEFAULT '',
    description     TEXT    NOT NULL DEFAULT '',
    workflow_status TEXT,
    status_category TEXT,
    resolution      TEXT,
    resolution_date TEXT,
    assignee        TEXT,
    reporter        TEXT,
    priority        TEXT,
    labels          TEXT    NOT NULL DEFAULT '[]',
    components      TEXT    NOT NULL DEFAULT '[]',
    issue_created   TEXT,
    issue_updated   TEXT,
    url             TEXT,
    revision        TEXT,
    content_hash    INTEGER NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'stale', 'quarantined')),
    seen_run_id     INTEGER,
    first_seen      TEXT    NOT NULL,
    last_seen       TEXT    NOT NULL,
    created_at      TEXT    NOT NULL,
    updated_at      TEXT    NOT NULL,
    UNIQUE (source_instance, source_id)
);
CREATE INDEX idx_kb_tickets_instance_status ON kb_tickets (source_instance, status);
CREATE INDEX idx_kb_tickets_key ON kb_tickets (ticket_key COLLATE NOCASE);
CREATE INDEX idx_kb_tickets_project ON kb_tickets (project COLLATE NOCASE, issue_updated);
CREATE INDEX idx_kb_tickets_updated ON kb_tickets (issue_updated);

CREATE TABLE kb_ticket_comments (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES kb_tickets (id) ON DELETE CASCADE,
    comment_id TEXT    NOT NULL,
    author     TEXT,
    created    TEXT,
    updated    TEXT,
    body       TEXT    NOT NULL DEFAULT '',
    UNIQUE (ticket_id, comment_id)
);

-- Text search (BM25 via FTS5's bm25()), one document per article (rowid = kb_articles.id) and per ticket
-- (rowid = kb_tickets.id; body = description and comments). Written by the load path in the same transaction as the
-- row, so it is current when a batch commits.
CREATE VIRTUAL TABLE kb_article_text USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE kb_ticket_text USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');

-- Host names, FQDNs and IP addresses found in the text, normalised (lower case; IPs canonical). Matched against the
-- entities' names, FQDNs and addresses when read, so links follow identity resolution without being rewritten.
CREATE TABLE kb_mentions (
    content_type TEXT    NOT NULL CHECK (content_type IN ('article', 'ticket')),
    content_id   INTEGER NOT NULL,
    token        TEXT    NOT NULL,
    kind         TEXT    NOT NULL CHECK (kind IN ('fqdn', 'ip', 'host')),
    mention      TEXT    NOT NULL,                -- as written in the text (first occurrence)
    PRIMARY KEY (content_type, content_id, token)
) WITHOUT ROWID;
CREATE INDEX idx_kb_mentions_token ON kb_mentions (token);

-- One row per chunk of an article or ticket embedded by a model. vector: float32 little-endian, L2-normalised.
CREATE TABLE embeddings (
    id           INTEGER PRIMARY KEY,
    content_type TEXT    NOT NULL CHECK (content_type IN ('article', 'ticket')),
    content_id   INTEGER NOT NULL,
    chunk_no     INTEGER NOT NULL,
    chunk_hash   TEXT    NOT NULL,                -- SHA-256 of chunk_text, hex
    chunk_text   TEXT    NOT NULL,
    token_count  INTEGER NOT NULL,
    vector       BLOB    NOT NULL,
    dimension    INTEGER NOT NULL,
    model        TEXT    NOT NULL,                -- name@version
    created_at   TEXT    NOT NULL,
    UNIQUE (content_type, content_id, chunk_no)
);
CREATE INDEX idx_embeddings_hash ON embeddings (chunk_hash, model);

-- Vectorisation state per article and ticket. A content is pending when it has no row, or its row's source_hash is
-- not the content's current content_hash, or its model is not the installed provider's.
CREATE TABLE kb_vector_status (
    content_type  TEXT    NOT NULL CHECK (content_type IN ('article', 'ticket')),
    content_id    INTEGER NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('done', 'failed')),
    reason        TEXT,
    source_hash   INTEGER NOT NULL,
    model         TEXT,
    chunks        INTEGER NOT NULL DEFAULT 0,
    updated_at    TEXT    NOT NULL,
    PRIMARY KEY (content_type, content_id)
) WITHOUT ROWID;

-- The marker of the last commit the core made to the vector index plugin's index; a different marker in the index
-- (new, lost, corrupt, behind) makes the core rebuild it from the embeddings table.
CREATE TABLE kb_index_state (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    marker     TEXT,
    chunks     INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT
);
INSERT INTO kb_index_state (id, marker, chunks, updated_at) VALUES (1, NULL, 0, NULL);
