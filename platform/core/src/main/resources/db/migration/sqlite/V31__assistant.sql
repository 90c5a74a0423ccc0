-- The AI assistant (api.ai.AssistantStore): conversations with their messages, suggested resolutions with their
-- feedback, and the audit of what was sent to which provider. JSON columns hold the API records (citations, tool
-- calls, suggestion parts) as the REST API shows them; keys sorted.

CREATE TABLE ai_conversations (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    message_count INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);
-- a user's conversations, newest first
CREATE INDEX ai_conversations_owner ON ai_conversations (created_by, updated_at);
CREATE INDEX ai_conversations_updated ON ai_conversations (updated_at);

CREATE TABLE ai_messages (
    id                  INTEGER PRIMARY KEY,
    conversation_id     INTEGER NOT NULL REFERENCES ai_conversations (id) ON DELETE CASCADE,
    role                TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
    text                TEXT NOT NULL,
    citations           TEXT NOT NULL DEFAULT '[]',
    tool_calls          TEXT NOT NULL DEFAULT '[]',
    provider            TEXT,
    model               TEXT,
    extractive          INTEGER NOT NULL DEFAULT 0,
    error_code          TEXT,
    retry_after_seconds INTEGER,
    created_at          TEXT NOT NULL,
    took_ms             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ai_messages_conversation ON ai_messages (conversation_id, id);

CREATE TABLE ai_suggestions (
    id               INTEGER PRIMARY KEY,
    ticket_key       TEXT,
    problem          TEXT NOT NULL,
    steps            TEXT NOT NULL DEFAULT '[]',
    refs             TEXT NOT NULL DEFAULT '[]',
    similar_tickets  TEXT NOT NULL DEFAULT '[]',
    articles         TEXT NOT NULL DEFAULT '[]',
    entities         TEXT NOT NULL DEFAULT '[]',
    confidence       REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    confidence_label TEXT NOT NULL,
    confidence_basis TEXT NOT NULL DEFAULT '{}',
    provider         TEXT,
    model            TEXT,
    extractive       INTEGER NOT NULL DEFAULT 0,
    created_by       TEXT NOT NULL,
    created_at       TEXT NOT NULL
);
CREATE INDEX ai_suggestions_ticket ON ai_suggestions (ticket_key);

CREATE TABLE ai_suggestion_feedback (
    id            INTEGER PRIMARY KEY,
    suggestion_id INTEGER NOT NULL REFERENCES ai_suggestions (id) ON DELETE CASCADE,
    helpful       INTEGER NOT NULL CHECK (helpful IN (0, 1)),
    comment       TEXT,
    actor         TEXT NOT NULL,
    created_at    TEXT NOT NULL
);
CREATE INDEX ai_suggestion_feedback_suggestion ON ai_suggestion_feedback (suggestion_id, id);

-- kept when a conversation is deleted (the audit outlives it): no cascade, the id is only a reference
CREATE TABLE ai_audit (
    id              INTEGER PRIMARY KEY,
    conversation_id INTEGER,
    actor           TEXT,
    provider        TEXT NOT NULL,
    model           TEXT,
    external        INTEGER NOT NULL DEFAULT 0,
    purpose         TEXT,
    chars_sent      INTEGER NOT NULL DEFAULT 0,
    content_summary TEXT,
    redactions      INTEGER NOT NULL DEFAULT 0,
    outcome         TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX ai_audit_created ON ai_audit (created_at);
CREATE INDEX ai_audit_conversation ON ai_audit (conversation_id);
