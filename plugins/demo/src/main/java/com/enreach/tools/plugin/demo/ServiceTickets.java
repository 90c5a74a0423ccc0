package com.enreach.tools.plugin.demo;

import java.util.List;

import com.enreach.tools.plugin.demo.TicketTemplate.Draft;
import com.enreach.tools.plugin.demo.TicketTemplate.Draw;

/** Incidents of the services the VMs run, by the VM's role (database, queue, web, cache, CI, monitoring, logging, app). */
final class ServiceTickets {
    private ServiceTickets() {
    }

    static Draft serviceIncident(Draw d) {
        String role = Estate.ROLES[d.r.nextInt(Estate.ROLES.length)];
        Estate.Vm vm = d.s.vmOfRole(d.r, role);
        String host = vm.shortName() + " (" + vm.fqdn() + ", " + vm.ip() + ")";
        String[] t = switch (vm.role()) {
            case "db" -> new String[] {"PostgreSQL replication lag on " + vm.shortName(),
                "Standby " + host + " is " + d.between(5, 90) + " minutes behind the primary.\n  SELECT now() - pg_last_xact_replay_timestamp();\n",
                "A long-running analytics query on the standby held back replay (max_standby_streaming_delay = -1).",
                "Cancelled the query (pg_cancel_backend), set max_standby_streaming_delay = 30s and moved the reporting job to its own replica.",
                "Database", "postgresql"};
            case "mq" -> new String[] {"RabbitMQ memory alarm on " + vm.shortName(),
                "Publishers blocked on " + host + ": \"memory resource limit alarm set on node rabbit@" + vm.shortName() + "\". Queue orders.events has "
                    + d.between(200, 900) + "k messages.\n  rabbitmqctl list_queues name messages consumers\n",
                "The consumer deployment had crashed (image pull error), so messages piled up.",
                "Restarted the consumers with the previous image; the queue drained and the alarm cleared. Raised vm_memory_high_watermark to 0.6.",
                "Middleware", "rabbitmq"};
            case "web" -> new String[] {"HTTP 502 from nginx on " + vm.shortName(),
                "Load balancer health checks fail for " + host + ": nginx answers 502 Bad Gateway.\n  upstream prematurely closed connection while reading response header\n",
                "The PHP-FPM pool hit pm.max_children (" + d.between(20, 60) + ") under a crawler's load.",
                "Raised pm.max_children, rate-limited the crawler's user agent in nginx, reloaded both services.",
                "Web", "nginx"};
            case "cache" -> new String[] {"Redis evictions and latency on " + vm.shortName(),
                "Application latency up; Redis on " + host + " evicts keys: evicted_keys grows by thousands per second, used_memory at maxmemory.\n  redis-cli info stats | grep evicted\n",
                "A new feature stored session blobs without TTL.",
                "Set a TTL on the session keys (deploy of the fix), increased maxmemory to 6 GB after resizing the VM.",
                "Middleware", "redis"};
            case "ci" -> new String[] {"CI agent " + vm.shortName() + " offline",
                "Jenkins shows agent " + host + " offline: \"Disk space is below threshold of 1.00 GiB\".\n",
                "Workspaces of deleted branches were never cleaned.",
                "Cleaned /var/lib/jenkins/workspace, added the workspace cleanup plugin to the pipelines; agent back online.",
                "CI", "jenkins"};
            case "mon" -> new String[] {"Prometheus on " + vm.shortName() + " restarting (OOM)",
                "Prometheus on " + host + " is killed by the OOM killer every few minutes; gaps in every dashboard.\n  dmesg | grep -i 'killed process'\n",
                "A new exporter added a label with a unique id per request: 3 million new series.",
                "Dropped the label with metric_relabel_configs and deleted the series (admin API); memory back to 9 GB.",
                "Monitoring", "prometheus"};
            case "log" -> new String[] {"OpenSearch cluster red: unassigned shards on " + vm.shortName(),
                "Cluster health red; node " + host + " left the cluster.\n  GET _cluster/allocation/explain\n",
                "The node's data disk hit the flood-stage watermark (95%), indices went read-only.",
                "Deleted indices older than 30 days via ISM, cleared index.blocks.read_only_allow_delete, shards reassigned.",
                "Logging", "opensearch"};
            default -> new String[] {"Java application on " + vm.shortName() + " out of memory",
                "The application on " + host + " restarts: java.lang.OutOfMemoryError: Java heap space (heap " + d.between(2, 8) + " GB).\n",
                "A report export loads the whole result set into memory.",
                "Heap dump analysed (Eclipse MAT): the export buffer holds 1.8 GB. Streaming export deployed; heap raised to 6 GB meanwhile.",
                "Application", "java"};
        };
        return new Draft(t[0], d.priority(1, 5, 3, 1), t[1],
                List.of("Diagnosis: " + t[2], "Fix: " + t[3], "Service stable for 24 h; closing."), "Fixed",
                List.of(t[5], vm.role(), vm.site()), List.of(t[4]));
    }
}
