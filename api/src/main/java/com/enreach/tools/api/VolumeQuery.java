package com.enreach.tools.api;

/** Storage volume filters; null means any. */
public record VolumeQuery(String sourceSystem, String sourceInstance, String kind, String status, Long arrayDeviceId,
                          String q, int limit, int offset) {
}
