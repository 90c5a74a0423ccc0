-- What sources contribute about a device beyond its identity: interfaces, IP addresses, server facts and
-- versioned configurations. Rows belong to one device (so to one source instance) and are replaced when the
-- device's content changes.

CREATE TABLE network_interfaces (
    id              INTEGER PRIMARY KEY,
    device_id       INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    name            TEXT    NOT NULL,
    mac             TEXT,
    type            TEXT,
    enabled         INTEGER,
    mtu             INTEGER,
    network         TEXT,
    UNIQUE (device_id, name)
);
CREATE INDEX idx_interfaces_mac ON network_interfaces (mac);

CREATE TABLE ip_addresses (
    id             INTEGER PRIMARY KEY,
    device_id      INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    interface_id   INTEGER REFERENCES network_interfaces (id) ON DELETE SET NULL,
    address        TEXT    NOT NULL,
    prefix_length  INTEGER,
    family         INTEGER NOT NULL CHECK (family IN (4, 6)),
    interface_name TEXT,
    dns_name       TEXT,
    UNIQUE (device_id, address)
);
CREATE INDEX idx_ip_addresses_address ON ip_addresses (address);

CREATE TABLE server_facts (
    device_id      INTEGER PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
    os_name        TEXT,
    os_release     TEXT,
    kernel         TEXT,
    cpu_model      TEXT,
    cpu_count      INTEGER,
    memory_bytes   INTEGER,
    disks          TEXT NOT NULL DEFAULT '[]',
    uptime_seconds INTEGER,
    virtual        INTEGER,
    virtual_type   TEXT,
    serial_number  TEXT,
    manufacturer   TEXT,
    product        TEXT,
    updated_at     TEXT NOT NULL
);
CREATE INDEX idx_server_facts_serial ON server_facts (serial_number);

CREATE TABLE device_configs (
    id           INTEGER PRIMARY KEY,
    device_id    INTEGER NOT NULL REFERENCES devices (id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    config_text  TEXT    NOT NULL,
    content_hash TEXT    NOT NULL,
    line_count   INTEGER NOT NULL,
    retrieved_at TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    UNIQUE (device_id, version)
);

-- VM GUIDs other sources (backups) match against.
CREATE INDEX idx_devices_instance_uuid ON devices (json_extract(metadata, '$.instance_uuid'))
    WHERE json_extract(metadata, '$.instance_uuid') IS NOT NULL;
