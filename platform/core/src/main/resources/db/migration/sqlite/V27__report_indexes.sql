-- Reports: a VM's backups are also found by the GUID the backup product names it by, matched (lower-cased) against
-- the VM observations' instance/system UUID identity keys; without this index each lookup scanned every backup.
CREATE INDEX idx_backups_vm_guid_lower ON backups (lower(vm_guid)) WHERE vm_guid IS NOT NULL;
