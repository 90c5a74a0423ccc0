package com.enreach.tools.api.vector;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A sentence-embedding model run in process. Thread-safe. Vectors are L2-normalised, so the dot product is the
 * cosine similarity.
 */
@ConsumerType
public interface EmbeddingProvider {

    /** The model's name, e.g. {@code all-MiniLM-L6-v2-q}; stored with every vector. */
    String model();

    /** The model's version (e.g. the packaging artifact's version); a change of name or version re-embeds. */
    String modelVersion();

    /** Vector length, e.g. 384. */
    int dimension();

    /** The most tokens (including special tokens) one input may have; longer inputs are cut by the model. */
    int maxTokens();

    /** The length of a text the model is trained on (256 for MiniLM), a hint for chunking. */
    default int preferredTokens() {
        return Math.min(256, maxTokens());
    }

    /** How many tokens the model's own tokenizer makes of a text, special tokens included. */
    int countTokens(String text);

    /**
     * Embeds texts, one vector per text in order.
     *
     * @throws EmbeddingException when the model cannot run (the message says why)
     */
    List<float[]> embed(List<String> texts);

    /** A failure of the model. */
    final class EmbeddingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public EmbeddingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
