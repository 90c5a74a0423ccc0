package com.enreach.tools.api.netbox;

/**
 * Which findings of a validation to return; every filter is optional (null).
 *
 * @param target     the NetBox target (null: the only one configured)
 * @param severity   {@code error}, {@code warning} or {@code info}
 * @param rule       a rule id
 * @param objectType a NetBox kind
 * @param entityId   one entity
 * @param site       objects of this site (golden site)
 */
public record ValidationQuery(String target, String severity, String rule, String objectType, Long entityId,
                              String site, int limit, int offset) {
}
