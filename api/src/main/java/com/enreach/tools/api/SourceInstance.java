package com.enreach.tools.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.enreach.tools.api.plugin.FieldError;

/**
 * A configured or previously seen source instance.
 *
 * @param present        whether its plugin is deployed and the instance is configured now
 * @param configErrors   field-level configuration problems (empty when valid)
 * @param config         the instance's configuration with secrets left out
 * @param lastStatus     status of the last run, or null
 * @param connection     the last connection check, or null when none ran yet (or the configuration is invalid)
 * @param entityKinds    the record kinds its plugin emits ({@code device}, {@code article}, {@code ticket}...; see
 *                       {@link com.enreach.tools.api.spi.EntityKinds}); empty when its plugin is not deployed (since 1.3)
 */
public record SourceInstance(String instance, String kind, String displayName, boolean present, boolean enabled,
                             List<FieldError> configErrors, Map<String, Object> config, int scheduleMinutes,
                             Instant lastAttempt, Instant lastSuccess, String lastStatus, Long lastRunId,
                             long activeDevices, long staleDevices, Long runningRunId, ConnectionStatus connection,
                             Set<String> entityKinds) {
    public SourceInstance {
        // sorted, so the JSON lists them in a stable order
        entityKinds = entityKinds == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(entityKinds));
    }

    /** Without entity kinds (the form of 1.2). */
    public SourceInstance(String instance, String kind, String displayName, boolean present, boolean enabled,
                          List<FieldError> configErrors, Map<String, Object> config, int scheduleMinutes,
                          Instant lastAttempt, Instant lastSuccess, String lastStatus, Long lastRunId,
                          long activeDevices, long staleDevices, Long runningRunId, ConnectionStatus connection) {
        this(instance, kind, displayName, present, enabled, configErrors, config, scheduleMinutes, lastAttempt, lastSuccess, lastStatus,
                lastRunId, activeDevices, staleDevices, runningRunId, connection, Set.of());
    }
}
