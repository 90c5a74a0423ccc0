package com.enreach.tools.core.internal.golden;

/** One entity_attributes row as stored (value and alternatives as JSON text). */
record GoldenRow(long entityId, String attribute, String value, Long deviceId, String sourceSystem, String sourceInstance,
                 String seenAt, String rule, String alternatives, boolean conflict) {
}
