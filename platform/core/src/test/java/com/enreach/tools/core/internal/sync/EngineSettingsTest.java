package com.enreach.tools.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.source.support.retry.RetryPolicy;

class EngineSettingsTest {

    private static int annotationDefault(String method) throws ReflectiveOperationException {
        Method m = CoreConfiguration.class.getMethod(method);
        return (Integer) m.getDefaultValue();
    }

    @Test
    void theMetatypeDefaultsAreTheDefaultsTheEngineUses() throws ReflectiveOperationException {
        EngineSettings d = EngineSettings.defaults();
        assertEquals(d.workers(), annotationDefault("sync_workers"));
        assertEquals(d.schedulerTick().toSeconds(), annotationDefault("scheduler_tick_seconds"));
        assertEquals(d.batchSize(), annotationDefault("batch_size"));
        assertEquals(d.retry().attempts(), annotationDefault("retry_attempts"));
        assertEquals(d.retry().baseBackoff().toMillis(), annotationDefault("retry_backoff_ms"));
        assertEquals(d.retry().maxBackoff().toSeconds(), annotationDefault("retry_max_backoff_seconds"));
        assertEquals(d.retry().maxRetryAfter().toSeconds(), annotationDefault("retry_max_retry_after_seconds"));
        assertEquals(d.retry().maxTotal().toSeconds(), annotationDefault("retry_max_total_seconds"));
        assertEquals(d.deleteBudgetPercent(), annotationDefault("delete_budget_percent"));
        assertEquals(d.checkTimeout().toSeconds(), annotationDefault("check_timeout_seconds"));
        assertEquals(RetryPolicy.DEFAULT, d.retry());
        assertEquals(10, CoreConfiguration.class.getDeclaredMethods().length, "a new key needs a default check here");
    }

    @Test
    void everyKeyIsRead() {
        List<FieldError> errors = new ArrayList<>();
        EngineSettings s = EngineSettings.read(Map.of("sync.workers", "1", "scheduler.tick.seconds", "5", "batch.size", "500", "retry.attempts", "2",
                "retry.backoff.ms", "100", "retry.max.backoff.seconds", "4", "retry.max.retry.after.seconds", "20", "retry.max.total.seconds", "45",
                "delete.budget.percent", "25", "check.timeout.seconds", "7"), errors);
        assertEquals(List.of(), errors);
        assertEquals(new EngineSettings(1, Duration.ofSeconds(5), 500,
                new RetryPolicy(2, Duration.ofMillis(100), Duration.ofSeconds(4), Duration.ofSeconds(20), Duration.ofSeconds(45)), 25, Duration.ofSeconds(7)), s);
    }

    @Test
    void aBadValueIsNamedAndItsDefaultUsed() {
        List<FieldError> errors = new ArrayList<>();
        EngineSettings s = EngineSettings.read(Map.of("sync.workers", "many", "retry.max.total.seconds", "0"), errors);
        assertEquals(List.of("sync.workers", "retry.max.total.seconds"), errors.stream().map(FieldError::field).toList());
        assertEquals("sync.workers must be a whole number, got 'many'", errors.get(0).message());
        assertEquals(3, s.workers());
        assertEquals(Duration.ofSeconds(120), s.retry().maxTotal());
    }
}
