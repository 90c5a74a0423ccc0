package com.enreach.tools.rest.internal;

import java.util.List;

/**
 * One page of a listing as the API answers it (NetBox style): {@code count} matching in all, links to the next and
 * previous pages (null at the ends), this page's results.
 */
public record Envelope<T>(long count, String next, String previous, List<T> results) {
}
