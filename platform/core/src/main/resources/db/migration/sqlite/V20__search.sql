-- Free-text search over devices (and name-ordered indexes for filtered lists, at the end): one FTS5 document per device (rowid = device id) holding its name, source id, the
-- text values of its metadata, its interfaces' names and MACs (as stored and as 12 bare hex digits) and its IP
-- addresses with their DNS names. unicode61 with remove_diacritics 2 folds case and accents; '.', ':', '-' split
-- words, so an FQDN is found by its first label, its leading labels (as a phrase) or in full.
--
-- What changed is found in three ways, all cheap for the load path: new rows by rowid high-water marks (search_state:
-- every row above the mark is new); deletes, and updates of interfaces and addresses, by triggers that queue the
-- device id (search_dirty); updates of a device's own columns by the writer queueing it (SearchIndex.changed, called by
-- the load path for the devices it updates: an UPDATE trigger on devices would also fire inside the load path's upsert
-- and so journal every insert). The core
-- folds both into the index with a few set-based statements at the end of every write transaction
-- (SearchIndex.catchUp, called by Database.transaction), so the index is current when the batch commits and no write
-- path has to know about it. No INSERT triggers: a trigger makes SQLite keep a statement journal for every insert,
-- which made a fresh load 2-4x slower; and writing FTS5 rows from row triggers flushes FTS5's buffer per statement.

-- columnsize=0: no per-document size table (it serves only ranking, which search does not use), less to write.
CREATE VIRTUAL TABLE device_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', columnsize = 0);

CREATE TABLE search_dirty (device_id INTEGER PRIMARY KEY) WITHOUT ROWID;

-- The highest rowid of each table already taken into the index (set to the current maximum after each catch-up, so a
-- rowid reused after deleting the last row is still seen as new).
CREATE TABLE search_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    devices_seen    INTEGER NOT NULL,
    interfaces_seen INTEGER NOT NULL,
    addresses_seen  INTEGER NOT NULL
);
-- Nothing indexed yet: the first catch-up (at start) takes in every existing device.
INSERT INTO search_state (id, devices_seen, interfaces_seen, addresses_seen) VALUES (1, 0, 0, 0);

CREATE TRIGGER search_dirty_device_ad AFTER DELETE ON devices BEGIN
    INSERT OR IGNORE INTO search_dirty (device_id) VALUES (old.id);
END;

CREATE TRIGGER search_dirty_interface_au AFTER UPDATE OF name, mac, device_id ON network_interfaces
    WHEN old.name IS NOT new.name OR old.mac IS NOT new.mac OR old.device_id IS NOT new.device_id BEGIN
    INSERT OR IGNORE INTO search_dirty (device_id) VALUES (old.device_id);
    INSERT OR IGNORE INTO search_dirty (device_id) VALUES (new.device_id);
END;
CREATE TRIGGER search_dirty_interface_ad AFTER DELETE ON network_interfaces BEGIN
    INSERT OR IGNORE INTO search_dirty (device_id) VALUES (old.device_id);
END;

CREATE TRIGGER search_dirty_address_au AFTER UPDATE OF address, dns_name, device_id ON ip_addresses
    WHEN old.address IS NOT new.address OR old.dns_name IS NOT new.dns_name OR old.device_id IS NOT new.device_id BEGIN
    INSERT OR IGNORE INTO search_dirty (device_id) VALUES (old.device_id);
    INSERT OR IGNORE INTO search_dirty (device_id) VALUES (new.device_id);
END;
CREATE TRIGGER search_dirty_address_ad AFTER DELETE ON ip_addresses BEGIN
    INSERT OR IGNORE INTO search_dirty (device_id) VALUES (old.device_id);
END;


-- Filtered lists answer in name order (ORDER BY name COLLATE NOCASE, id): with the filter column and the name in one
-- index, a page is read in order and stops after its rows, instead of sorting every match (50k rows: 55 ms -> <1 ms).
-- These replace the single-column indexes, so the load path maintains no more indexes than before.
-- type with status: the common "active servers" count is then read from the index alone (40 ms -> 4 ms at 100k).
DROP INDEX idx_devices_type;
CREATE INDEX idx_devices_type_status_name ON devices (type, status, name COLLATE NOCASE);
DROP INDEX idx_devices_status;
CREATE INDEX idx_devices_status_name ON devices (status, name COLLATE NOCASE);
DROP INDEX idx_devices_source_system;
CREATE INDEX idx_devices_system_name ON devices (source_system, name COLLATE NOCASE);
