package com.enreach.tools.plugin.ontap;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.InterfaceRecord;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.ServerFacts;
import com.enreach.tools.source.support.JsonValues;
import com.fasterxml.jackson.databind.JsonNode;

/** Maps the cluster, its nodes, aggregates and SVMs to devices. The field lists are exactly what is stored. */
final class DeviceMapper {
    static final String STORAGE_VM = "storage_vm";
    static final String VENDOR = "NetApp";

    static final List<String> CLUSTER_FIELDS = List.of("name", "uuid", "version", "location", "contact", "dns_domains",
            "management_interfaces");
    static final List<String> NODE_FIELDS = List.of("name", "uuid", "model", "serial_number", "system_id", "state",
            "location", "version", "management_interfaces");
    static final List<String> AGGREGATE_FIELDS = List.of("name", "uuid", "node.name", "node.uuid", "home_node.name",
            "home_node.uuid", "state", "space.block_storage.size", "space.block_storage.used",
            "space.block_storage.available", "block_storage.primary.raid_type", "block_storage.primary.disk_count");
    static final List<String> SVM_FIELDS = List.of("name", "uuid", "state", "subtype", "ip_interfaces");

    private static final Pattern RELEASE = Pattern.compile("NetApp Release ([^:\\s]+)");

    private DeviceMapper() {
    }

    /** What later records need to know about the cluster. */
    record Cluster(String uuid, String name, String release, int generation, int major) {
        /** Whether the release is at least {@code generation.major} (9.10 and so on). */
        boolean atLeast(int g, int m) {
            return generation > g || (generation == g && major >= m);
        }
    }

    static Cluster cluster(JsonNode c) throws PermanentSourceException {
        String uuid = JsonValues.text(c, "uuid");
        String name = JsonValues.text(c, "name");
        if (uuid == null || name == null) {
            throw PermanentSourceException.malformed("ONTAP /api/cluster", "the cluster has no uuid or name", null);
        }
        Integer g = JsonValues.integer(c, "version.generation");
        Integer m = JsonValues.integer(c, "version.major");
        return new Cluster(uuid, name, release(c.path("version")), g == null ? 0 : g, m == null ? 0 : m);
    }

    /**
     * @param hostname the DNS name the cluster was reached by, when the url names one; lets the core match the
     *                 cluster with what other sources (DNS, monitoring) call it
     */
    static DeviceRecord clusterDevice(JsonNode c, Cluster cluster, String hostname) {
        DeviceRecord d = DeviceRecord.of(cluster.uuid(), cluster.name(), DeviceTypes.STORAGE)
                .hostname(hostname)
                .put("vendor", VENDOR)
                .put("platform", "ONTAP")
                .put("ontap_version", cluster.release())
                .put("version_full", JsonValues.text(c, "version.full"))
                .put("location", JsonValues.text(c, "location"))
                .put("contact", JsonValues.text(c, "contact"));
        List<String> domains = JsonValues.texts(c.path("dns_domains"), null);
        if (!domains.isEmpty()) {
            d.put("dns_domains", domains);
        }
        addLifs(d, c.path("management_interfaces"));
        return d;
    }

    static DeviceRecord node(JsonNode n, Cluster cluster) throws PermanentSourceException {
        String model = JsonValues.text(n, "model");
        String serial = JsonValues.text(n, "serial_number");
        String release = release(n.path("version"));
        DeviceRecord d = DeviceRecord.of(id(n, "uuid", "/api/cluster/nodes"), name(n, "/api/cluster/nodes"), DeviceTypes.STORAGE_CONTROLLER)
                .put("vendor", VENDOR)
                .put("model", model)
                .put("serial", serial)
                .put("system_id", JsonValues.text(n, "system_id"))
                .put("state", JsonValues.text(n, "state"))
                .put("location", JsonValues.text(n, "location"))
                .put("ontap_version", release)
                .put("cluster", cluster.name())
                .facts(new ServerFacts().hardware(VENDOR, model, serial).os("ONTAP", release));
        addLifs(d, n.path("management_interfaces"));
        return d;
    }

    static DeviceRecord aggregate(JsonNode a, Cluster cluster) throws PermanentSourceException {
        String node = JsonValues.text(a, "node.name");
        String home = JsonValues.text(a, "home_node.name");
        return DeviceRecord.of(id(a, "uuid", "/api/storage/aggregates"), name(a, "/api/storage/aggregates"), DeviceTypes.STORAGE_POOL)
                .put("vendor", VENDOR)
                .put("capacity_bytes", JsonValues.whole(a, "space.block_storage.size"))
                // fill level moves with every write: stored, but no reason to count the aggregate as changed
                .putVolatile("used_bytes", JsonValues.whole(a, "space.block_storage.used"))
                .putVolatile("available_bytes", JsonValues.whole(a, "space.block_storage.available"))
                .put("raid_type", JsonValues.text(a, "block_storage.primary.raid_type"))
                .put("disk_count", JsonValues.whole(a, "block_storage.primary.disk_count"))
                .put("state", JsonValues.text(a, "state"))
                .put("node", node != null ? node : home)
                // only worth showing while the aggregate is away from its home (takeover, relocation)
                .put("home_node", home != null && node != null && !home.equals(node) ? home : null)
                .put("cluster", cluster.name());
    }

    /** The node currently serving an aggregate: its owner, or its home node when ONTAP does not say. */
    static String aggregateNodeUuid(JsonNode a) {
        String node = JsonValues.text(a, "node.uuid");
        return node != null ? node : JsonValues.text(a, "home_node.uuid");
    }

    static DeviceRecord svm(JsonNode s, Cluster cluster) throws PermanentSourceException {
        DeviceRecord d = DeviceRecord.of(id(s, "uuid", "/api/svm/svms"), name(s, "/api/svm/svms"), STORAGE_VM)
                .put("vendor", VENDOR)
                .put("state", JsonValues.text(s, "state"))
                .put("subtype", JsonValues.text(s, "subtype"))
                .put("cluster", cluster.name());
        addLifs(d, s.path("ip_interfaces"));
        return d;
    }

    /** Logical interfaces (management or data LIFs) with their addresses. */
    private static void addLifs(DeviceRecord d, JsonNode lifs) {
        for (JsonNode lif : lifs) {
            String name = JsonValues.text(lif, "name");
            String ip = JsonValues.text(lif, "ip.address");
            if (name != null) {
                d.addInterface(new InterfaceRecord(name, null, "virtual", null, null, null));
            }
            if (ip != null) {
                d.addIpAddress(new IpAddressRecord(ip, name, null));
            }
        }
    }

    /** "9.13.1P9" from "NetApp Release 9.13.1P9: ...", else generation.major.minor. */
    static String release(JsonNode version) {
        String full = JsonValues.text(version, "full");
        if (full != null) {
            Matcher m = RELEASE.matcher(full);
            if (m.find()) {
                return m.group(1);
            }
        }
        Long g = JsonValues.whole(version, "generation");
        Long ma = JsonValues.whole(version, "major");
        Long mi = JsonValues.whole(version, "minor");
        return g == null || ma == null ? null : g + "." + ma + (mi == null ? "" : "." + mi);
    }

    static String id(JsonNode record, String field, String where) throws PermanentSourceException {
        String v = JsonValues.text(record, field);
        if (v == null) {
            throw PermanentSourceException.malformed("ONTAP " + where, "a record without " + field, null);
        }
        return v;
    }

    private static String name(JsonNode record, String where) throws PermanentSourceException {
        return id(record, "name", where);
    }
}
