package com.enreach.tools.netbox.client;

import java.time.Duration;

/**
 * How to reach one NetBox.
 *
 * @param url        base URL, e.g. {@code https://netbox.example.com} (a trailing {@code /} or {@code /api} is accepted)
 * @param token      the API token: a v1 key (sent as {@code Token <key>}) or a v2 token {@code nbt_<key>.<secret>}
 *                   (sent as {@code Bearer nbt_<key>.<secret>}); never logged
 * @param pageSize   objects per page for reads (NetBox's {@code limit}), 1 to 1000
 * @param batchSize  objects per bulk write, 1 to 1000
 * @param timeout    per request
 * @param insecure   accept any TLS certificate (labs only)
 * @param caFile     PEM CA file, or null
 */
public record NetBoxConnection(String url, String token, int pageSize, int batchSize, Duration timeout,
                               boolean insecure, String caFile) {
}
