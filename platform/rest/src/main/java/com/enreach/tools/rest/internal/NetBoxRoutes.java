package com.enreach.tools.rest.internal;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.api.netbox.NetBoxService;

/**
 * What the /api/netbox routes share: the service (absent when the writer plugin is not installed: 503 naming it),
 * NetBox being unreachable as a 503 too, and the values their filters take.
 */
final class NetBoxRoutes {
    static final String WRITER_PLUGIN = "com.enreach.tools.plugin.netbox.writer";
    static final String[] CHANGESET_STATUSES = {"pending", "approved", "rejected", "applying", "applied", "partially_applied", "failed",
            "superseded"};
    static final String[] CHANGESET_KINDS = {"sync", "rollback", "adopt"};
    static final String[] ACTIONS = {"create", "update", "delete"};
    static final String[] ITEM_STATUSES = {"pending", "applying", "applied", "failed", "drifted", "skipped", "dry_run"};
    static final String[] SEVERITIES = {"error", "warning", "info"};
    static final String[] CONFLICT_STATUSES = {"open", "resolved", "all"};
    static final String[] RESOLUTIONS = {"keep_netbox", "use_golden"};
    static final String[] HISTORY_STATUSES = {"applied", "failed", "drifted", "dry_run"};

    private NetBoxRoutes() {
    }

    /** The service, or a 503 naming the plugin that provides it. */
    static NetBoxService require(NetBoxService service) {
        if (service == null) {
            throw new ServiceUnavailable("netbox_writer_missing", "The NetBox writer plugin (" + WRITER_PLUGIN
                    + ") is not installed or not running: put its jar into deploy/ to use /api/netbox");
        }
        return service;
    }

    /** Runs a call of the service; NetBox not reachable (UNAVAILABLE) is a 503 here, as the service behind the route is down. */
    static <T> T call(NetBoxService service, java.util.function.Function<NetBoxService, T> work) {
        NetBoxService s = require(service);
        try {
            return work.apply(s);
        } catch (ApiException e) {
            if (e.reason() == ApiException.Reason.UNAVAILABLE) {
                throw new ServiceUnavailable(e.code(), e.getMessage());
            }
            throw e;
        }
    }

    /** A NetBox object kind ({@link NetBoxKinds}) or null; anything else is a 400 naming the parameter. */
    static String kind(String name, String value) {
        String v = Params.text(value);
        if (v == null) {
            return null;
        }
        if (NetBoxKinds.order(v) < 0) {
            throw ApiException.invalid(name, name + " must be a NetBox object kind such as dcim.device (one of "
                    + String.join(", ", NetBoxKinds.APPLY_ORDER) + "), got '" + v + "'");
        }
        return v;
    }
}
