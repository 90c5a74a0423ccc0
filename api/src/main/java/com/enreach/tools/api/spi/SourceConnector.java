package com.enreach.tools.api.spi;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.plugin.FieldError;

/**
 * One configured instance of a source system (a vCenter, a Foreman, the demo estate...).
 *
 * <p>Register it as an OSGi service, normally from a Declarative Services factory component bound to one
 * configuration file {@code etc/source.<kind>-<name>.cfg}. The core derives the instance id {@code <kind>-<name>}
 * from the configuration PID, or takes the {@value SourceProperties#INSTANCE} property when one is set.
 *
 * <p>Rules: never open the database, never start threads, never retry on your own beyond a single request;
 * throw {@link RetryableSourceException} or {@link PermanentSourceException} and let the core decide.
 */
@ConsumerType
public interface SourceConnector {

    /** What this plugin is. Must be cheap and constant for the life of the service. */
    SourceDescriptor descriptor();

    /**
     * Validates this instance's configuration without touching the network.
     *
     * @return field-level problems; empty when the configuration is usable
     */
    List<FieldError> validate();

    /**
     * Checks that the remote system is reachable and the credentials are accepted.
     * Only called when {@link #validate()} returned no errors.
     */
    CheckResult checkConnection(SourceContext context);

    /**
     * Streams this instance's records into the sink. Called on a core thread, one run at a time per instance.
     *
     * <p>Emit records as they are read (page by page): the core commits in batches, so memory stays flat whatever
     * the estate's size. Returning normally means the fetch was complete: only then may the core mark objects that
     * were not emitted as stale. Throwing means the run failed: nothing is marked stale.
     *
     * @throws SourceException when the run cannot complete
     */
    void fetch(SourceContext context, RecordSink sink) throws SourceException;
}
