package com.enreach.tools.api;

/** Backup filters; null means any. {@code lastStatus} matches the last job's status. */
public record BackupQuery(String sourceSystem, String sourceInstance, String lastStatus, Long deviceId, String q,
                          int limit, int offset) {
}
