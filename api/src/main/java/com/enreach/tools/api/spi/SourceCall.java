package com.enreach.tools.api.spi;

/** One remote call that {@link SourceContext#call} may repeat when it throws {@link RetryableSourceException}. */
@FunctionalInterface
public interface SourceCall<T> {
    T call() throws SourceException;
}
