-- The entities of a site in last-seen order: see the SQLite twin of this migration.
CREATE INDEX idx_entities_site_last_seen ON entities (lower(site), last_seen, id);
DROP INDEX idx_entities_site;
