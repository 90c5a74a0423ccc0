package com.enreach.tools.cli;

/** Small API answers shaped like the platform's (snake_case, ISO instants). */
final class Fixtures {
    private Fixtures() {
    }

    static String run(long id, String instance, String status, long fetched, String error) {
        boolean running = status.equals("running");
        return """
                {"id": %d, "instance": "%s", "source_system": "%s", "trigger": "cli", "status": "%s", "phase": "%s",
                 "started_at": "2025-03-01T10:00:00Z", "finished_at": %s, "fetched": %d, "added": 3, "updated": 2,
                 "unchanged": %d, "stale": 0, "warnings": 0, "error": %s, "warning_samples": []}
                """.formatted(id, instance, instance.replaceAll("-.*", ""), status, running ? "fetching" : "done",
                running ? "null" : "\"2025-03-01T10:00:42Z\"", fetched, Math.max(0, fetched - 5),
                error == null ? "null" : "\"" + error + "\"");
    }

    static String source(String instance, String kind, boolean present) {
        return """
                {"instance": "%s", "kind": "%s", "display_name": "%s", "present": %s, "enabled": true, "config_errors": [],
                 "config": {}, "schedule_minutes": 60, "last_attempt": null, "last_success": null, "last_status": null,
                 "last_run_id": null, "active_devices": 10, "stale_devices": 1, "running_run_id": null}
                """.formatted(instance, kind, kind, present);
    }

    static String device(long id, String name, String type, String instance) {
        return """
                {"id": %d, "name": "%s", "type": "%s", "source_system": "%s", "source_instance": "%s", "source_id": "x-%d",
                 "metadata": {"ip": "192.0.2.%d", "model": "IOS", "last_status": "success"}, "status": "active",
                 "first_seen": "2025-03-01T10:00:00Z", "last_seen": "2025-03-01T10:00:00Z",
                 "created_at": "2025-03-01T10:00:00Z", "updated_at": "2025-03-01T10:00:00Z"}
                """.formatted(id, name, type, instance.replaceAll("-.*", ""), instance, id, id % 250);
    }

    static String page(long count, boolean hasNext, String... results) {
        return "{\"count\": " + count + ", \"next\": " + (hasNext ? "\"http://x/api/devices?limit=2&offset=2\"" : "null")
                + ", \"previous\": null, \"results\": [" + String.join(",", results) + "]}";
    }
}
