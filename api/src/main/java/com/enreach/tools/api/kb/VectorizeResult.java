package com.enreach.tools.api.kb;

/**
 * What one vectorisation did.
 *
 * @param contents       articles/tickets looked at (pending ones)
 * @param chunksEmbedded chunks sent to the model (new or changed text)
 * @param chunksReused   chunks whose text was unchanged, vectors kept
 * @param chunksRemoved  vectors removed (content gone or shortened)
 * @param failed         contents that failed (reasons in the status)
 */
public record VectorizeResult(String contentType, int contents, int chunksEmbedded, int chunksReused, int chunksRemoved,
                              int failed, String model, long tookMs) {
}
