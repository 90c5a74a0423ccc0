-- When each device was last seen, in a narrow table of its own. A resync finds most devices unchanged and only marks
-- them seen by the run: on the wide devices rows (metadata JSON) that rewrote about one page per handful of devices
-- (100k devices: tens of MB of WAL per no-change resync, all under the write lock); here a page holds some hundred.
-- Storage volumes, backups, articles and tickets keep their seen_run_id / last_seen columns.
CREATE TABLE device_seen (
    device_id   INTEGER PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
    seen_run_id INTEGER,
    last_seen   TEXT    NOT NULL
);
INSERT INTO device_seen (device_id, seen_run_id, last_seen) SELECT id, seen_run_id, last_seen FROM devices;
ALTER TABLE devices DROP COLUMN seen_run_id;
ALTER TABLE devices DROP COLUMN last_seen;
-- Each batch of a resync looks its devices up by (instance, source id) for their hash and status: answered from this
-- index alone, without reading the wide rows.
CREATE INDEX idx_devices_lookup ON devices (source_instance, source_id, content_hash, status);
