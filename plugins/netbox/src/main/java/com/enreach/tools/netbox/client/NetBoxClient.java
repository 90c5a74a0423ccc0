package com.enreach.tools.netbox.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The NetBox REST API of one NetBox. Endpoints are given below {@code /api/} without slashes around, e.g.
 * {@code dcim/devices} (see {@link com.enreach.tools.api.netbox.NetBoxKinds#endpoint(String)}). Obtain one from
 * {@link NetBoxClients}.
 *
 * <p>Failures: {@link NetBoxException} with {@link NetBoxException#retryable()} true for timeouts, 429 (with the
 * server's Retry-After) and 5xx; false for 401/403 (bad token, named as such), 404 and malformed answers. A write
 * rejected by NetBox's validation does not throw: it comes back per object in the {@link BulkResult}.
 */
@ProviderType
public interface NetBoxClient {

    /** {@code GET /api/status/}: NetBox's version ({@code netbox-version}) and the rest of the answer. */
    Map<String, Object> status();

    /**
     * Every object of the endpoint matching the filters (NetBox query parameters, e.g. {@code tag=enreach},
     * {@code site_id=3}; a repeated filter as a comma-free list is not supported, call once per value), following
     * {@code next} links through all pages.
     *
     * @param brief NetBox's {@code brief=true} representation (id, url, display, name/slug ...)
     */
    List<Map<String, Object>> list(String endpoint, Map<String, String> filters, boolean brief);

    /** One object by id, or empty on 404. */
    Optional<Map<String, Object>> get(String endpoint, long id);

    /**
     * Creates objects with list bodies in bulk requests of at most the configured batch size. When NetBox rejects a
     * bulk request (it validates the whole list and creates nothing), the objects are sent one by one so only the
     * rejected ones fail. The result has one {@link ItemResult} per body, in the order given.
     */
    BulkResult create(String endpoint, List<Map<String, Object>> bodies);

    /** Updates (PATCH) objects, each body holding its {@code id}; bulk with the same per-object fallback. */
    BulkResult update(String endpoint, List<Map<String, Object>> bodies);

    /**
     * Objects per bulk request ({@code batch.size}): a caller that hands over this many at a time sends one request
     * per call. Unbounded unless the client says otherwise.
     */
    default int batchSize() {
        return Integer.MAX_VALUE;
    }

    /** Deletes objects by id; bulk ({@code DELETE} with a list of {@code {"id": n}}) with the per-object fallback. */
    BulkResult delete(String endpoint, List<Long> ids);

    /**
     * NetBox's changelog ({@code core/object-changes}, falling back to {@code extras/object-changes} on NetBox before
     * 4.1): the changes at or after {@code since} (null: all), optionally of one object type ({@code dcim.device}),
     * oldest first. Each map is NetBox's object-change (user_name, time, action, changed_object_type,
     * changed_object_id, prechange_data, postchange_data).
     */
    List<Map<String, Object>> objectChanges(Instant since, String objectType);

    /** Requests sent since this client was made (bulk counts one): for benchmarks and tests. */
    long requestCount();
}
