package com.enreach.tools.api.spi;

import java.util.List;
import java.util.Map;

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

    /**
     * A link to one object of this instance in its source system's own web UI (or, when the system has none that
     * can be linked to, its API object URL), for people to open from the inventory. Built from this instance's
     * configured base URL and the object's stored ids, without any request to the system.
     *
     * <p>Rules: cheap and side-effect free (the core calls it while it renders an entity, once per observation);
     * never put credentials in the link (no user info, token or password, even when the configured URL holds
     * them); percent-encode the object's ids; return null when the link cannot be built (no valid base URL, ids
     * missing from the metadata, a kind the system has no page for). The default returns null: plugins without
     * links keep working unchanged.
     *
     * @param entityKind the object's kind: for a device observation its type ({@link DeviceTypes}, or the type the
     *                   plugin gave it); for other records the {@link EntityKinds} name, e.g.
     *                   {@link EntityKinds#STORAGE_VOLUME}
     * @param sourceId   the object's id in this instance, as the plugin emitted it
     * @param metadata   the metadata stored with the object (what the plugin put), never null; may be empty
     * @return an absolute {@code http} or {@code https} URL, or null
     * @since 2.1
     */
    default String objectUrl(String entityKind, String sourceId, Map<String, Object> metadata) {
        return null;
    }
}
