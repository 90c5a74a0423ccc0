package com.enreach.tools.cli;

import java.io.PrintWriter;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The human rendering of {@code devices show}: the device, then one section per kind of related data. */
final class DeviceView {
    private final PrintWriter out;

    DeviceView(PrintWriter out) {
        this.out = out;
    }

    void print(JsonNode detail) {
        JsonNode d = detail.path("device");
        out.println(Json.text(d, "name") + "  (id " + Json.text(d, "id") + ", " + Json.text(d, "type") + ", " + Json.text(d, "status") + ")");
        out.println("  source:     " + Json.text(d, "source_instance") + " (" + Json.text(d, "source_system") + "), id "
                + Json.text(d, "source_id"));
        out.println("  first seen: " + Format.time(d, "first_seen") + "   last seen: " + Format.time(d, "last_seen"));
        metadata(d.path("metadata"));
        relationships(detail.path("relationships"));
        sameHost(detail.path("same_host"));
        interfaces(detail.path("interfaces"));
        ips(detail.path("ip_addresses"));
        facts(detail.path("facts"));
        configs(detail.path("configs"));
        volumes(detail.path("volumes"));
        backups(detail.path("backups"));
        out.flush();
    }

    private void metadata(JsonNode m) {
        if (m.isEmpty()) {
            return;
        }
        section("Metadata");
        Table t = new Table("KEY", "VALUE");
        for (Map.Entry<String, JsonNode> e : m.properties()) {
            t.row(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
        }
        t.print(out);
    }

    private void relationships(JsonNode rels) {
        if (rels.isEmpty()) {
            return;
        }
        section("Relationships");
        Table t = new Table("FROM", "TYPE", "TO", "SOURCE");
        for (JsonNode r : rels) {
            t.row(Json.text(r, "from_name") + " (" + Json.text(r, "from_id") + ")", Json.text(r, "type"),
                    Json.text(r, "to_name") + " (" + Json.text(r, "to_id") + ")", Json.text(r, "source_instance"));
        }
        t.print(out);
    }

    private void sameHost(JsonNode devices) {
        if (devices.isEmpty()) {
            return;
        }
        section("Same host in other sources");
        Table t = new Table("ID", "NAME", "TYPE", "SOURCE INSTANCE", "STATUS");
        for (JsonNode d : devices) {
            t.row(Json.text(d, "id"), Json.text(d, "name"), Json.text(d, "type"), Json.text(d, "source_instance"), Json.text(d, "status"));
        }
        t.print(out);
    }

    void interfaces(JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        section("Interfaces");
        Table t = new Table("NAME", "MAC", "TYPE", "ENABLED", "MTU", "NETWORK", "SOURCE");
        for (JsonNode i : list) {
            t.row(Json.text(i, "name"), Json.text(i, "mac"), Json.text(i, "type"), Format.yesNo(i, "enabled"), Json.text(i, "mtu"),
                    Json.text(i, "network"), Json.text(i, "source_instance"));
        }
        t.print(out);
    }

    void ips(JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        section("IP addresses");
        Table t = new Table("ADDRESS", "INTERFACE", "DNS NAME", "SOURCE");
        for (JsonNode i : list) {
            String prefix = Json.text(i, "prefix_length");
            t.row(Json.text(i, "address") + (prefix.isEmpty() ? "" : "/" + prefix), Json.text(i, "interface_name"), Json.text(i, "dns_name"),
                    Json.text(i, "source_instance"));
        }
        t.print(out);
    }

    void facts(JsonNode list) {
        for (JsonNode f : list) {
            section("Facts from " + Json.text(f, "source_instance"));
            Table t = new Table("FACT", "VALUE");
            fact(t, "os", join(" ", Json.text(f, "os_name"), Json.text(f, "os_release")));
            fact(t, "kernel", Json.text(f, "kernel"));
            fact(t, "cpu", join(" x ", Json.text(f, "cpu_count"), Json.text(f, "cpu_model")));
            fact(t, "memory", Format.bytes(f, "memory_bytes"));
            for (JsonNode disk : f.path("disks")) {
                fact(t, "disk " + Json.text(disk, "name"), join(" ", Format.bytes(disk, "size_bytes"), Json.text(disk, "model")));
            }
            String virtualType = Json.text(f, "virtual_type");
            fact(t, "virtual", Format.yesNo(f, "virtual") + (virtualType.isEmpty() ? "" : " (" + virtualType + ")"));
            fact(t, "hardware", join(" ", Json.text(f, "manufacturer"), Json.text(f, "product")));
            fact(t, "serial", Json.text(f, "serial_number"));
            JsonNode up = f.path("uptime_seconds");
            fact(t, "uptime", up.isNumber() ? Format.duration(up.asLong()) : "");
            fact(t, "updated", Format.time(f, "updated_at"));
            t.print(out);
        }
    }

    /** Facts are sparse (each source knows some): leave out the unknown ones. */
    private static void fact(Table t, String name, String value) {
        if (!value.isBlank()) {
            t.row(name, value.trim());
        }
    }

    private static String join(String separator, String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty()) {
                b.append(b.length() == 0 ? "" : separator).append(p);
            }
        }
        return b.toString();
    }

    void configs(JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        section("Configuration versions (enreach devices config <device> <version>)");
        Table t = new Table("VERSION", "RETRIEVED", "LINES", "HASH");
        for (JsonNode c : list) {
            t.row(Json.text(c, "version"), Format.time(c, "retrieved_at"), Json.text(c, "lines"), Format.hash(c, "content_hash"));
        }
        t.print(out);
    }

    void volumes(JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        section("Volumes");
        Table t = new Table("NAME", "KIND", "POOL/SVM", "CAPACITY", "USED", "HEALTH", "STATUS");
        for (JsonNode v : list) {
            t.row(Json.text(v, "name"), Json.text(v, "kind"), Json.text(v, "svm").isEmpty() ? Json.text(v, "pool") : Json.text(v, "svm"),
                    Format.bytes(v, "capacity_bytes"), Format.bytes(v, "used_bytes"), Json.text(v, "health"), Json.text(v, "status"));
        }
        t.print(out);
    }

    void backups(JsonNode list) {
        if (list.isEmpty()) {
            return;
        }
        section("Backups");
        Table t = new Table("CLIENT", "LAST JOB", "LAST END", "LAST SUCCESS", "SOURCE");
        for (JsonNode b : list) {
            JsonNode job = b.path("last_job");
            t.row(Json.text(b, "client_name"), Json.text(job, "status"), Format.time(job, "end"), Format.time(b, "last_success_at"),
                    Json.text(b, "source_instance"));
        }
        t.print(out);
    }

    private void section(String title) {
        out.println();
        out.println(title + ":");
    }
}
