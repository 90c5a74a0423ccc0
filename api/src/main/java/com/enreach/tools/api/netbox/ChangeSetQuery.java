package com.enreach.tools.api.netbox;

/** Change sets, newest first; filters optional (null). */
public record ChangeSetQuery(String target, String status, String kind, String createdBy, int limit, int offset) {
}
