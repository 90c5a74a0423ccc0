package com.enreach.tools.plugin.ontap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.RelationshipRecord;
import com.enreach.tools.api.spi.RelationshipTypes;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One fetch of a cluster, in dependency order: the cluster, its nodes, aggregates and SVMs (devices), then export
 * policies (kept), volumes (streamed) and qtrees with quotas (streamed).
 */
final class InventoryRun {
    static final String CLUSTER_PATH = "/api/cluster";

    private final OntapClient client;
    private final SourceContext context;
    private final RecordSink sink;
    private final String hostname;

    InventoryRun(OntapClient client, SourceContext context, RecordSink sink, String hostname) {
        this.client = client;
        this.context = context;
        this.sink = sink;
        this.hostname = hostname;
    }

    void run() throws SourceException {
        sink.phase("cluster");
        JsonNode c = context.call("GET " + CLUSTER_PATH, () -> client.get(clusterHref()));
        DeviceMapper.Cluster cluster = DeviceMapper.cluster(c);
        sink.device(DeviceMapper.clusterDevice(c, cluster, hostname));

        RecordCursor nodes = client.collection(context, sink, "nodes", "/api/cluster/nodes", DeviceMapper.NODE_FIELDS, null);
        for (JsonNode n; (n = nodes.next()) != null; ) {
            partOfCluster(DeviceMapper.node(n, cluster), cluster);
        }

        Map<String, String> aggregateNodes = new HashMap<>();
        RecordCursor aggregates = client.collection(context, sink, "aggregates", "/api/storage/aggregates",
                DeviceMapper.AGGREGATE_FIELDS, null);
        for (JsonNode a; (a = aggregates.next()) != null; ) {
            DeviceRecord d = DeviceMapper.aggregate(a, cluster);
            partOfCluster(d, cluster);
            String nodeUuid = DeviceMapper.aggregateNodeUuid(a);
            if (nodeUuid != null) {
                sink.relationship(new RelationshipRecord(d.sourceId(), RelationshipTypes.HOSTED_ON, nodeUuid));
            }
            Object node = d.metadata().get("node");
            if (node != null) {
                aggregateNodes.put(d.sourceId(), node.toString());
            }
        }

        RecordCursor svms = client.collection(context, sink, "svms", "/api/svm/svms", DeviceMapper.SVM_FIELDS, null);
        for (JsonNode s; (s = svms.next()) != null; ) {
            partOfCluster(DeviceMapper.svm(s, cluster), cluster);
        }

        ExportPolicies policies = ExportPolicies.load(client.collection(context, sink, "export policies",
                "/api/protocols/nfs/export-policies", ExportPolicies.FIELDS, null));
        VolumeMapper.Context volumeContext = new VolumeMapper.Context(cluster.uuid(), aggregateNodes, policies);

        readVolumes(cluster, volumeContext);

        RecordCursor qtrees = client.collection(context, sink, "qtrees", "/api/storage/qtrees",
                VolumeMapper.QTREE_FIELDS, QtreeReader.QTREE_ORDER);
        RecordCursor quotas = client.collection(context, sink, "quota reports", "/api/storage/quota/reports",
                VolumeMapper.QUOTA_FIELDS, QtreeReader.QUOTA_FILTER);
        new QtreeReader(qtrees, quotas, volumeContext, sink).run();
    }

    static String clusterHref() {
        return CLUSTER_PATH + "?fields=" + String.join(",", DeviceMapper.CLUSTER_FIELDS);
    }

    /**
     * Volumes, page by page. Snapshot count and reserve size are asked for on 9.10 and later only; should a
     * release still refuse them on the first page, the volumes are read again without them.
     */
    private void readVolumes(DeviceMapper.Cluster cluster, VolumeMapper.Context volumeContext) throws SourceException {
        boolean optional = cluster.atLeast(9, 10);
        RecordCursor volumes = volumes(optional);
        JsonNode v;
        try {
            v = volumes.next();
        } catch (PermanentSourceException e) {
            if (!optional || !"invalid_field".equals(e.code())) {
                throw e;
            }
            sink.warn(cluster.uuid(), "ONTAP " + cluster.release() + " does not know "
                    + String.join(", ", VolumeMapper.VOLUME_FIELDS_9_10) + "; snapshot counts are left out and "
                    + "snapshot reserves computed from their percentage");
            volumes = volumes(false);
            v = volumes.next();
        }
        for (; v != null; v = volumes.next()) {
            sink.volume(VolumeMapper.volume(v, volumeContext));
        }
    }

    private RecordCursor volumes(boolean withOptionalFields) {
        List<String> fields = new ArrayList<>(VolumeMapper.VOLUME_FIELDS);
        if (withOptionalFields) {
            fields.addAll(VolumeMapper.VOLUME_FIELDS_9_10);
        }
        return client.collection(context, sink, "volumes", "/api/storage/volumes", fields, null);
    }

    private void partOfCluster(DeviceRecord d, DeviceMapper.Cluster cluster) {
        sink.device(d);
        sink.relationship(new RelationshipRecord(d.sourceId(), RelationshipTypes.PART_OF, cluster.uuid()));
    }
}
