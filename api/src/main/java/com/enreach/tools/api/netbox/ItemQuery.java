package com.enreach.tools.api.netbox;

/**
 * Filter on the items of one change set (all optional, null = any).
 *
 * @param objectType a {@link NetBoxKinds} kind
 * @param action     create, update or delete
 * @param site       site name
 * @param status     item status
 * @param q          substring of the object name, case-insensitive
 */
public record ItemQuery(String objectType, String action, String site, String status, String q) {
    public static final ItemQuery ALL = new ItemQuery(null, null, null, null, null);
}
