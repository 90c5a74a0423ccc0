package com.enreach.tools.core.internal.golden;

/** An override in force: a manual_decisions row with action 'override', not revoked and not expired. */
record ManualValue(long id, long entityId, String attribute, String value, String createdAt) {
}
