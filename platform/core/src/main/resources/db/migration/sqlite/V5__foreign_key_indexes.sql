-- Every foreign key's child column gets an index: without one, deleting or re-keying a parent row scans the whole
-- child table (deleting the interfaces of changed devices scanned ip_addresses once per interface).
-- DbPlanTest fails when a foreign key lacks one.
CREATE INDEX idx_ip_addresses_interface ON ip_addresses (interface_id);
CREATE INDEX idx_volumes_pool_device ON storage_volumes (pool_device_id);
