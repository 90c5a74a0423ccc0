-- Backups also match VMs by BIOS UUID; without this index each backup would scan every device.
CREATE INDEX idx_devices_bios_uuid ON devices (json_extract(metadata, '$.bios_uuid'))
    WHERE json_extract(metadata, '$.bios_uuid') IS NOT NULL;
