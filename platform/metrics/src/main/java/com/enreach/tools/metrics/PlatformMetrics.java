package com.enreach.tools.metrics;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Records the platform's measurements. One service, registered by the metrics bundle; callers bind it with an optional
 * dynamic reference and record nothing while it is absent. Every method is cheap (a few atomic updates) and never
 * throws: it is called on REST request threads and inside write transactions.
 *
 * <p>Label values must come from small, fixed sets (source instances, route templates, HTTP methods and status
 * codes), never from request data such as raw paths or ids.
 */
@ProviderType
public interface PlatformMetrics {

    /** A sync run has ended (succeeded, failed, cancelled or needs confirmation); called once per run. */
    void syncRunEnded(SyncRunEnd run);

    /**
     * A REST request was answered.
     *
     * @param method the HTTP method
     * @param route the matched route template (for example {@code /api/devices/{id}}), or {@code other} when no
     *              route matched (refused before routing, unknown path)
     * @param status the HTTP status code
     * @param nanos the time from the request's arrival at the REST layer to the end of writing its answer
     */
    void restRequest(String method, String route, int status, long nanos);

    /**
     * A write transaction of the master database ended.
     *
     * @param lockWaitNanos how long it waited for the database's write lock
     * @param committed true when it committed, false when it rolled back
     */
    void writeTransaction(long lockWaitNanos, boolean committed);
}
