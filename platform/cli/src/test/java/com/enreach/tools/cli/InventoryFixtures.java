package com.enreach.tools.cli;

/** Inventory answers shaped like the platform's (snake_case, ISO instants). */
final class InventoryFixtures {
    private InventoryFixtures() {
    }

    static String entity(long id, String name, String type) {
        return """
                {"id": %d, "name": "%s", "type": "%s", "status": "active", "site": "Zürich", "sources": ["puppetdb-main", "vcenter-prod"],
                 "observation_count": 2, "conflict_count": 1, "last_seen": "2026-03-01T10:00:00Z",
                 "created_at": "2026-03-01T09:00:00Z", "updated_at": "2026-03-01T10:00:00Z"}
                """.formatted(id, name, type);
    }

    static String lookup(String q, String... candidates) {
        return "{\"query\": \"" + q + "\", \"candidates\": [" + String.join(",", candidates) + "]}";
    }

    static String detail(String entity) {
        return """
                {"entity": %s,
                 "attributes": [
                   {"attribute": "name", "value": "web01.example.com", "rule": "priority:1", "conflict": false, "alternatives": [],
                    "source": {"device_id": 7, "source_system": "vcenter", "source_instance": "vcenter-prod", "seen_at": "2026-03-01T10:00:00Z"}},
                   {"attribute": "memory_bytes", "value": 68719476736, "rule": "priority:1", "conflict": true,
                    "source": {"device_id": 7, "source_system": "vcenter", "source_instance": "vcenter-prod", "seen_at": "2026-03-01T10:00:00Z"},
                    "alternatives": [{"value": 34359738368, "source": {"device_id": 8, "source_system": "puppetdb", "source_instance": "puppetdb-main", "seen_at": "2026-02-01T10:00:00Z"}}]},
                   {"attribute": "os", "value": "Debian 12", "rule": "manual", "conflict": false, "alternatives": [],
                    "source": {"device_id": null, "source_system": "manual", "source_instance": "manual", "seen_at": "2026-03-02T10:00:00Z"}}],
                 "observations": [
                   {"device": %s, "rule": "source-id", "confidence": 1.0, "evidence": null, "linked_at": "2026-03-01T09:00:00Z", "source_url": "https://vc/ui/vm-7"},
                   {"device": %s, "rule": "system_uuid", "confidence": 0.99, "evidence": "4223a1b2-0000-4000-8000-0000000000aa", "linked_at": "2026-03-01T09:00:00Z", "source_url": null}],
                 "relationships": [{"type": "runs_on", "direction": "out", "entity_id": 40, "entity_name": "esx01", "entity_type": "server", "source_instance": "vcenter-prod"}],
                 "interfaces": [{"id": 1, "device_id": 7, "name": "eth0", "mac": "00:50:56:aa:bb:cc", "type": "vmxnet3", "enabled": true, "mtu": 1500, "network": "VLAN 10", "source_instance": "vcenter-prod"}],
                 "ip_addresses": [{"id": 1, "device_id": 7, "address": "10.0.0.5", "prefix_length": 24, "family": 4, "interface_name": "eth0", "dns_name": "web01.example.com", "source_instance": "vcenter-prod"}],
                 "facts": [], "configs": [], "volumes": [],
                 "backups": [{"id": 1, "client_name": "web01", "last_job": {"job_id": "77", "status": "Completed", "end": "2026-03-01T02:00:00Z"}, "last_success_at": "2026-03-01T02:00:00Z", "source_instance": "commvault-main"}],
                 "decisions": [{"id": 4, "action": "override", "entity_id": 3, "observations": [], "attribute": "os", "value": "Debian 12", "reason": "puppet is right",
                                "actor": "alice", "created_at": "2026-03-02T10:00:00Z", "expires_at": null, "revoked_at": null}],
                 "identity_conflicts": [{"id": 2, "kind": "same-name-different-serial", "key": "web01", "detail": "serials ABC and XYZ differ",
                                         "entity_ids": [3, 12], "device_ids": [7, 30], "status": "open", "created_at": "2026-03-01T09:00:00Z"}]}
                """.formatted(entity, Fixtures.device(7, "web01", "vm", "vcenter-prod"), Fixtures.device(8, "web01.example.com", "server", "puppetdb-main"));
    }

    static String conflict(long entityId, String name) {
        return """
                {"entity_id": %d, "entity_name": "%s", "entity_type": "vm", "attribute": "memory_bytes",
                 "chosen": {"attribute": "memory_bytes", "value": 68719476736, "rule": "priority:1", "conflict": true, "alternatives": [],
                            "source": {"device_id": 7, "source_system": "vcenter", "source_instance": "vcenter-prod", "seen_at": null}},
                 "candidates": [{"value": 68719476736, "source": {"device_id": 7, "source_system": "vcenter", "source_instance": "vcenter-prod", "seen_at": null}},
                                {"value": 34359738368, "source": {"device_id": 8, "source_system": "puppetdb", "source_instance": "puppetdb-main", "seen_at": null}}]}
                """.formatted(entityId, name);
    }
}
