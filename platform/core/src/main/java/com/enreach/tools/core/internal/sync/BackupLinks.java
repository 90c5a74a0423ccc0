package com.enreach.tools.core.internal.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Links backups to the devices other sources know: by VM GUID (instance or BIOS UUID), then host name, then client
 * name; active devices first, VMs and servers before other types, the oldest device on ties.
 */
final class BackupLinks {
    private BackupLinks() {
    }

    static int relink(Connection c) throws SQLException {
        String pick = " AND d.status <> 'stale' ORDER BY CASE d.type WHEN 'vm' THEN 0 WHEN 'server' THEN 1 ELSE 2 END, d.id LIMIT 1)";
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("UPDATE backups SET device_id = COALESCE("
                    + " (SELECT d.id FROM devices d WHERE backups.vm_guid IS NOT NULL AND json_extract(d.metadata, '$.instance_uuid') = lower(backups.vm_guid)" + pick + ","
                    + " (SELECT d.id FROM devices d WHERE backups.vm_guid IS NOT NULL AND json_extract(d.metadata, '$.bios_uuid') = lower(backups.vm_guid)" + pick + ","
                    + " (SELECT d.id FROM devices d WHERE backups.host_key IS NOT NULL AND d.host_key = backups.host_key" + pick + ","
                    + " (SELECT d.id FROM devices d WHERE backups.client_key IS NOT NULL AND d.host_key = backups.client_key" + pick + ")"
                    + " WHERE status = 'active'");
        }
    }
}
