package com.enreach.tools.source.support;

import java.util.List;
import java.util.stream.Collectors;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceCall;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.api.spi.SourceProperties;

/** The guards every connector applies the same way: to its configuration, its connection check and cancellation. */
public final class Checks {
    private Checks() {
    }

    /**
     * Runs a connection check: an invalid configuration fails with its field errors without touching the network;
     * otherwise the check's detail ("Foreman 3.9, 120 hosts") is the result, and a {@link SourceException} it throws
     * becomes a failed result with its user message.
     *
     * @param errors the instance's configuration errors
     * @param check  talks to the system and returns the detail to show
     */
    public static CheckResult run(List<FieldError> errors, SourceCall<String> check) {
        if (!errors.isEmpty()) {
            return CheckResult.failed(errors);
        }
        try {
            return CheckResult.ok(check.call());
        } catch (SourceException e) {
            return e.toCheckResult();
        }
    }

    /**
     * Refuses to run with an invalid configuration: throws a permanent {@code config} failure that names the first
     * field at fault and says every problem.
     *
     * @param system what to call the remote in the message ("vCenter", "Foreman")
     */
    public static void requireValid(String system, List<FieldError> errors) throws PermanentSourceException {
        if (!errors.isEmpty()) {
            throw new PermanentSourceException("config", errors.get(0).field(), system + " configuration is invalid: "
                    + errors.stream().map(FieldError::message).collect(Collectors.joining("; ")), null, null);
        }
    }

    /**
     * Ends a run the operator cancelled with a permanent {@code cancelled} failure: a cancelled run must not return
     * normally, or the core would take it as complete and mark what it did not read as stale.
     *
     * @param message what was cancelled, for the run's history
     */
    public static void notCancelled(SourceContext context, String message) throws PermanentSourceException {
        if (context.cancelled()) {
            throw new PermanentSourceException("cancelled", message);
        }
    }

    /**
     * Checks the keys of the instance file that the core reads itself ({@code schedule.minutes},
     * {@code delete.budget.percent}), with the core's ranges, so that a typo also shows in the plugin's validate().
     */
    public static void coreKeys(ConfigFields f) {
        f.integer(SourceProperties.SCHEDULE_MINUTES, SourceDefaults.SCHEDULE_MINUTES, 0, SourceDefaults.SCHEDULE_MINUTES_MAX);
        f.integer(SourceProperties.DELETE_BUDGET_PERCENT, SourceDefaults.DELETE_BUDGET_PERCENT, 0, 100);
    }
}
