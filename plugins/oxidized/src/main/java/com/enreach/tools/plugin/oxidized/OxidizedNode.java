package com.enreach.tools.plugin.oxidized;

import com.enreach.tools.source.support.JsonValues;
import com.enreach.tools.source.support.RubyTimes;
import java.time.Instant;
import java.util.regex.Pattern;

import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.IdentityKeys;
import com.enreach.tools.api.spi.IpAddressRecord;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of GET /nodes.json. oxidized-web reports ungrouped nodes with group "default", so the real group is
 * taken from full_name ("group/name"; just "name" without a group). The node's "vars" are never read: they may
 * hold device credentials.
 *
 * @param name       node name as configured in Oxidized (often the DNS name, sometimes an IP)
 * @param group      the node's group, or null
 * @param lastStatus success, no_connection, fail... or "never" when Oxidized has not fetched it since it started
 * @param lastEnd    end of the last fetch attempt, or null
 */
record OxidizedNode(String name, String group, String ip, String model, String lastStatus, Instant lastEnd, String mtime) {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern DNS_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_])?");

    /** Reads one array element; returns null when it has no usable name (the caller decides what that means). */
    static OxidizedNode parse(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        String name = text(n, "name");
        if (name == null) {
            return null;
        }
        String fullName = text(n, "full_name");
        String group;
        if (fullName != null) {
            group = fullName.length() > name.length() + 1 && fullName.endsWith("/" + name)
                    ? fullName.substring(0, fullName.length() - name.length() - 1) : null;
        } else {
            group = text(n, "group"); // before oxidized-web had full_name
        }
        JsonNode last = n.get("last");
        String status = last != null && last.isObject() ? text(last, "status") : null;
        Instant end = last != null && last.isObject() ? RubyTimes.parse(text(last, "end")) : null;
        if (status == null) {
            status = text(n, "status");
        }
        return new OxidizedNode(name, group, text(n, "ip"), text(n, "model"), status, end, text(n, "mtime"));
    }

    /** Stable id in this instance: "group/name", or "name" for an ungrouped node (as oxidized's full_name). */
    String sourceId() {
        return group == null ? name : group + "/" + name;
    }

    /** GET path of the stored configuration; group and name are one encoded segment each, whatever they hold. */
    String fetchPath() {
        return "/node/fetch/" + (group == null ? "" : SourceHttp.pathSegment(group) + "/") + SourceHttp.pathSegment(name);
    }

    /** The time the stored configuration was taken, when the last attempt succeeded; else unknown (null). */
    Instant configTakenAt() {
        return "success".equals(lastStatus) ? lastEnd : null;
    }

    DeviceRecord device() {
        DeviceRecord d = DeviceRecord.of(sourceId(), name, DeviceTypes.NETWORK_DEVICE)
                .put("ip", ip)
                .put("model", model)
                .put("group", group)
                .put("last_status", lastStatus)
                // move on every backup run (hourly by default) while the device stays the same
                .putVolatile("last_attempt_time", lastEnd == null ? null : lastEnd.toString())
                .putVolatile("last_backup_time", configTakenAt() == null ? null : configTakenAt().toString());
        Instant changed = RubyTimes.parse(mtime);
        d.put("config_changed_time", changed == null ? null : changed.toString());
        if (ip != null && isIp(ip)) {
            d.addIpAddress(new IpAddressRecord(ip, null, isIp(name) ? null : name));
        }
        // Oxidized node names are usually the device's DNS name; IPs and free text do not identify a host.
        if (!isIp(name) && DNS_NAME.matcher(name).matches()) {
            d.hostname(name);
            if (name.indexOf('.') > 0) {
                d.put(IdentityKeys.FQDN, name); // a dotted node name is the device's DNS name: an identity key
            }
        }
        return d;
    }

    static boolean isIp(String s) {
        return IPV4.matcher(s).matches() || IPV6.matcher(s).matches();
    }

    private static String text(JsonNode n, String field) {
        return JsonValues.text(JsonValues.at(n, field));
    }
}
