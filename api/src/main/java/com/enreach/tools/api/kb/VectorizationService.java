package com.enreach.tools.api.kb;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns articles and tickets into chunk vectors with the installed embedding provider and keeps the installed vector
 * index in step. Implemented by the core; runs one at a time.
 */
@ProviderType
public interface VectorizationService {

    /** Progress of a running vectorisation. */
    record Progress(String contentType, int done, int total, String phase) {
    }

    VectorizationStatus status();

    /**
     * Vectorises what is pending (new, changed, never done, failed, or made with another model) and removes the vectors
     * of content that is gone.
     *
     * @param contentType {@link ContentTypes#ARTICLE}, {@link ContentTypes#TICKET} or null for both
     * @param retryFailed also retry contents that failed before
     * @throws com.enreach.tools.api.ApiException UNAVAILABLE when no embedding provider is installed,
     *                                            CONFLICT when a vectorisation is already running
     */
    VectorizeResult vectorize(String contentType, boolean retryFailed, Consumer<Progress> progress);

    /**
     * Rebuilds the vector index from the embeddings table (no model call).
     *
     * @return chunks written to the index
     * @throws com.enreach.tools.api.ApiException UNAVAILABLE when no vector index is installed
     */
    long reindex();
}
