package com.enreach.tools.api.spi;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** What the core hands a connector for one check or run. Implemented by the core. */
@ProviderType
public interface SourceContext {

    /** The instance id, e.g. {@code vcenter-prod}. */
    String instance();

    /** The run id, or 0 for a connection check. */
    long runId();

    /** The state the connector saved with {@link RecordSink#state(String)} at the end of its last successful run. */
    Optional<String> previousState();

    /** True once an operator cancelled the run or the platform is stopping; stop fetching and throw or return. */
    boolean cancelled();

    /**
     * Runs one remote call under the core's retry policy: a {@link RetryableSourceException} is retried with
     * exponential backoff (or the delay it asks for) up to the instance's attempt limit, a permanent one is not.
     *
     * @param operation short description used in the run's log and progress ("GET /api/hosts page 3")
     */
    <T> T call(String operation, SourceCall<T> call) throws SourceException;

    /**
     * The revisions of this instance's active objects of one kind as the master database holds them, source id ->
     * revision ({@link ArticleRecord#revision()}, {@link TicketRecord#revision()}). A connector lists what the source
     * has (cheaply, without bodies), fetches in full only what is new or whose revision moved, and reports the rest
     * with {@link RecordSink#unchanged(String, String)}. Empty for a connection check, a first run, or a kind without
     * revisions.
     *
     * @param entityKind {@link EntityKinds#ARTICLE} or {@link EntityKinds#TICKET}
     * @since 2.2
     */
    default Map<String, String> storedRevisions(String entityKind) {
        return Map.of();
    }
}
