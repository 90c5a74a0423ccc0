package com.enreach.tools.source.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceCall;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;

class ChecksTest {
    private static final List<FieldError> BAD = List.of(FieldError.of("url", "required", "url is required"),
            FieldError.of("password", "required", "password is required"));

    @Test
    void aCheckWithConfigurationErrorsFailsWithThemWithoutCalling() {
        AtomicBoolean called = new AtomicBoolean();
        CheckResult r = Checks.run(BAD, () -> {
            called.set(true);
            return "never";
        });
        assertFalse(r.ok());
        assertEquals(BAD, r.errors());
        assertFalse(called.get());
    }

    @Test
    void aCheckReturnsItsDetailOrItsFailure() {
        assertEquals(CheckResult.ok("Test 1.0"), Checks.run(List.of(), () -> "Test 1.0"));
        CheckResult failed = Checks.run(List.of(), () -> {
            throw new PermanentSourceException("auth", "username", "Test rejected the credentials", "detail", null);
        });
        assertFalse(failed.ok());
        assertEquals(List.of(FieldError.of("username", "auth", "Test rejected the credentials")), failed.errors());
    }

    @Test
    void requireValidNamesTheFirstFieldAndEveryProblem() throws Exception {
        Checks.requireValid("Test", List.of());
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> Checks.requireValid("Test", BAD));
        assertEquals("config", e.code());
        assertEquals("url", e.field());
        assertEquals("Test configuration is invalid: url is required; password is required", e.userMessage());
    }

    @Test
    void aCancelledRunThrows() throws Exception {
        Checks.notCancelled(context(false), "not thrown");
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> Checks.notCancelled(context(true), "Test run cancelled"));
        assertEquals("cancelled", e.code());
        assertEquals("Test run cancelled", e.userMessage());
    }

    @Test
    void coreKeysAreCheckedWithTheCoresRanges() {
        ConfigFields ok = new ConfigFields(Map.of("schedule.minutes", "525600", "delete.budget.percent", "0"));
        Checks.coreKeys(ok);
        assertTrue(ok.errors().isEmpty());
        ConfigFields bad = new ConfigFields(Map.of("schedule.minutes", "-1", "delete.budget.percent", "lots"));
        Checks.coreKeys(bad);
        assertEquals(List.of("schedule.minutes:out_of_range", "delete.budget.percent:invalid"),
                bad.errors().stream().map(x -> x.field() + ":" + x.code()).toList());
    }

    private static SourceContext context(boolean cancelled) {
        return new SourceContext() {
            @Override
            public String instance() {
                return "test";
            }

            @Override
            public long runId() {
                return 1;
            }

            @Override
            public Optional<String> previousState() {
                return Optional.empty();
            }

            @Override
            public boolean cancelled() {
                return cancelled;
            }

            @Override
            public <T> T call(String operation, SourceCall<T> call) throws SourceException {
                return call.call();
            }
        };
    }
}
