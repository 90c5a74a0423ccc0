package com.enreach.tools.api.netbox;

/** NetBox conflicts, newest first; filters optional (null). {@code status}: open (default in REST), resolved, all. */
public record ConflictQuery(String target, String status, String objectType, Long entityId, int limit, int offset) {
}
