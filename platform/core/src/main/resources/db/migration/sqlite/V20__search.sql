-- Free-text search over devices: an FTS5 index kept in step with the tables by triggers, so no write path needs to
-- know about it. One document per device (name, source id, text values of its metadata), per interface (name, MAC as
-- stored and as 12 bare hex digits) and per IP address (address, DNS name), each carrying its device id; rowids are
-- id*4 (device), id*4+1 (interface), id*4+2 (address) so the three kinds never collide.
-- unicode61 with remove_diacritics 2 folds case and accents; '.', ':', '-' split tokens, so an FQDN is found by its
-- first label, any leading labels (as a phrase) or in full, and a MAC by its groups or its bare hex form.

CREATE VIRTUAL TABLE device_search USING fts5(device_id UNINDEXED, body, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER device_search_device_ai AFTER INSERT ON devices BEGIN
    INSERT INTO device_search (rowid, device_id, body)
    VALUES (new.id * 4, new.id, new.name || ' ' || new.source_id || ' '
            || coalesce((SELECT group_concat(value, ' ') FROM json_tree(new.metadata) WHERE type = 'text'), ''));
END;

CREATE TRIGGER device_search_device_au AFTER UPDATE OF name, source_id, metadata ON devices
    WHEN old.name IS NOT new.name OR old.source_id IS NOT new.source_id OR old.metadata IS NOT new.metadata BEGIN
    DELETE FROM device_search WHERE rowid = old.id * 4;
    INSERT INTO device_search (rowid, device_id, body)
    VALUES (new.id * 4, new.id, new.name || ' ' || new.source_id || ' '
            || coalesce((SELECT group_concat(value, ' ') FROM json_tree(new.metadata) WHERE type = 'text'), ''));
END;

CREATE TRIGGER device_search_device_ad AFTER DELETE ON devices BEGIN
    DELETE FROM device_search WHERE rowid = old.id * 4;
END;

CREATE TRIGGER device_search_interface_ai AFTER INSERT ON network_interfaces BEGIN
    INSERT INTO device_search (rowid, device_id, body)
    VALUES (new.id * 4 + 1, new.device_id, new.name || ' ' || coalesce(new.mac || ' ' || lower(replace(replace(replace(new.mac, ':', ''), '-', ''), '.', '')), ''));
END;

CREATE TRIGGER device_search_interface_au AFTER UPDATE OF name, mac, device_id ON network_interfaces
    WHEN old.name IS NOT new.name OR old.mac IS NOT new.mac OR old.device_id IS NOT new.device_id BEGIN
    DELETE FROM device_search WHERE rowid = old.id * 4 + 1;
    INSERT INTO device_search (rowid, device_id, body)
    VALUES (new.id * 4 + 1, new.device_id, new.name || ' ' || coalesce(new.mac || ' ' || lower(replace(replace(replace(new.mac, ':', ''), '-', ''), '.', '')), ''));
END;

CREATE TRIGGER device_search_interface_ad AFTER DELETE ON network_interfaces BEGIN
    DELETE FROM device_search WHERE rowid = old.id * 4 + 1;
END;

CREATE TRIGGER device_search_address_ai AFTER INSERT ON ip_addresses BEGIN
    INSERT INTO device_search (rowid, device_id, body)
    VALUES (new.id * 4 + 2, new.device_id, new.address || ' ' || coalesce(new.dns_name, ''));
END;

CREATE TRIGGER device_search_address_au AFTER UPDATE OF address, dns_name, device_id ON ip_addresses
    WHEN old.address IS NOT new.address OR old.dns_name IS NOT new.dns_name OR old.device_id IS NOT new.device_id BEGIN
    DELETE FROM device_search WHERE rowid = old.id * 4 + 2;
    INSERT INTO device_search (rowid, device_id, body)
    VALUES (new.id * 4 + 2, new.device_id, new.address || ' ' || coalesce(new.dns_name, ''));
END;

CREATE TRIGGER device_search_address_ad AFTER DELETE ON ip_addresses BEGIN
    DELETE FROM device_search WHERE rowid = old.id * 4 + 2;
END;

-- What was there before this migration.
INSERT INTO device_search (rowid, device_id, body)
SELECT d.id * 4, d.id, d.name || ' ' || d.source_id || ' '
       || coalesce((SELECT group_concat(value, ' ') FROM json_tree(d.metadata) WHERE type = 'text'), '')
FROM devices d;
INSERT INTO device_search (rowid, device_id, body)
SELECT n.id * 4 + 1, n.device_id, n.name || ' ' || coalesce(n.mac || ' ' || lower(replace(replace(replace(n.mac, ':', ''), '-', ''), '.', '')), '')
FROM network_interfaces n;
INSERT INTO device_search (rowid, device_id, body)
SELECT a.id * 4 + 2, a.device_id, a.address || ' ' || coalesce(a.dns_name, '')
FROM ip_addresses a;
