package com.enreach.tools.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.enreach.tools.api.plugin.FieldError;

/**
 * A configured or previously seen source instance.
 *
 * @param present        whether its plugin is deployed and the instance is configured now
 * @param configErrors   field-level configuration problems (empty when valid)
 * @param config         the instance's configuration with secrets left out
 * @param lastStatus     status of the last run, or null
 * @param connection     the last connection check, or null when none ran yet (or the configuration is invalid)
 */
public record SourceInstance(String instance, String kind, String displayName, boolean present, boolean enabled,
                             List<FieldError> configErrors, Map<String, Object> config, int scheduleMinutes,
                             Instant lastAttempt, Instant lastSuccess, String lastStatus, Long lastRunId,
                             long activeDevices, long staleDevices, Long runningRunId, ConnectionStatus connection) {
}
