package com.enreach.tools.core.internal.report;

import java.util.List;

import com.enreach.tools.api.inventory.ReportInfo;

/**
 * VMs with no successful backup within N days. A backup belongs to a VM entity when it is linked to one of its
 * observations ({@code backups.device_id}) or names the VM by a GUID that is one of its observations' instance or
 * system UUIDs.
 */
final class VmsWithoutBackup extends Report {
    @Override
    ReportInfo info(ReportSettings s) {
        return new ReportInfo("vms-without-backup", "VMs without a recent backup",
                "Active VM entities with no successful backup within the last N days from a backup source, with their newest backup if any.",
                List.of(param("days", "a successful backup at most this many days old counts", "7"),
                        param("types", "entity types checked, comma-separated", "vm"),
                        param("backup_source", "backup sources (globs on source system or instance)", s.backups().toString())));
    }

    @Override
    List<String> columns() {
        return List.of("last_success_at", "backup_source", "backup_client", "last_job_status");
    }

    @Override
    Sql findings(ReportParams p, ReportSettings s) {
        String cutoff = p.cutoff("days");
        SourcePattern src = p.pattern("backup_source");
        String cross = p.cross();
        return new Sql().add("SELECT e.id AS entity_id, e.name AS name FROM entities e WHERE e.status = 'active' AND e.type IN ").in(p.types("types"))
                .add(" AND e.id NOT IN (SELECT l.entity_id FROM backups b " + cross + " entity_links l ON l.device_id = b.device_id"
                        + " WHERE b.status <> 'stale' AND b.last_success_at >= ? AND ", cutoff).add(p.from(src, "b"))
                .add(" UNION SELECT l.entity_id FROM backups b " + cross + " identity_keys k ON k.kind IN " + VM_KEYS + " AND k.value = lower(b.vm_guid)"
                        + " " + cross + " entity_links l ON l.device_id = k.device_id"
                        + " WHERE b.vm_guid IS NOT NULL AND b.status <> 'stale' AND b.last_success_at >= ? AND ", cutoff).add(p.from(src, "b")).add(")");
    }

    @Override
    String order(ReportParams p) {
        return p.nocase("f.name") + ", f.entity_id";
    }

    @Override
    Sql values(ReportParams p, ReportSettings s) {
        return new Sql().add("nb.last_success_at AS last_success_at, nb.source_instance AS backup_source, nb.client_name AS backup_client,"
                + " nb.last_job_status AS last_job_status");
    }

    @Override
    Sql joins(ReportParams p, ReportSettings s) {
        SourcePattern src = p.pattern("backup_source");
        String cross = p.cross();
        // The newest of the entity's backups from these sources, whatever its age: what the operator looks at next.
        return new Sql().add(" LEFT JOIN backups nb ON nb.id = (SELECT id FROM (SELECT b.id, b.last_success_at FROM entity_links l"
                + " " + cross + " backups b ON b.device_id = l.device_id WHERE l.entity_id = f.entity_id AND ").add(p.filter(src, "b"))
                .add(" UNION ALL SELECT b.id, b.last_success_at FROM entity_links l " + cross + " identity_keys k ON k.device_id = l.device_id AND k.kind IN " + VM_KEYS
                        + " " + cross + " backups b ON lower(b.vm_guid) = " + byGuid(p) + " AND b.vm_guid IS NOT NULL WHERE l.entity_id = f.entity_id AND ").add(p.filter(src, "b"))
                .add(") j ORDER BY last_success_at IS NULL, last_success_at DESC, id LIMIT 1)");
    }
}
