-- One scheduler at a time among the platform nodes that share a master database (V34 on SQLite, docs/scaling.md).
CREATE TABLE scheduler_lease (
    id         BIGINT PRIMARY KEY CHECK (id = 1),
    holder     TEXT   NOT NULL,
    taken_at   TEXT,
    expires_at BIGINT NOT NULL
);
INSERT INTO scheduler_lease (id, holder, taken_at, expires_at) VALUES (1, '', NULL, 0);
