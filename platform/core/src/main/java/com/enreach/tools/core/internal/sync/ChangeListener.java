package com.enreach.tools.core.internal.sync;

import java.util.List;

import org.slf4j.LoggerFactory;

/**
 * Told by the loader after each committed batch that wrote change entries, and when a run's loading ends. Registered
 * as a service inside the core (the change feed prunes, the EventAdmin publisher posts); a listener never slows or
 * fails a run.
 */
public interface ChangeListener {
    /** A batch with entries {@code firstPosition..lastPosition} was committed. */
    void committed(long runId, String instance, long firstPosition, long lastPosition);

    /** The run wrote its last batch. */
    default void runEnded(long runId, String instance) {
    }

    /** Tells every listener, each guarded so one failing listener affects neither the run nor the others. */
    static ChangeListener all(List<ChangeListener> listeners) {
        return new ChangeListener() {
            @Override
            public void committed(long runId, String instance, long first, long last) {
                for (ChangeListener l : listeners) {
                    try {
                        l.committed(runId, instance, first, last);
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(ChangeListener.class).warn("Change listener {} failed", l, e);
                    }
                }
            }

            @Override
            public void runEnded(long runId, String instance) {
                for (ChangeListener l : listeners) {
                    try {
                        l.runEnded(runId, instance);
                    } catch (RuntimeException e) {
                        LoggerFactory.getLogger(ChangeListener.class).warn("Change listener {} failed", l, e);
                    }
                }
            }
        };
    }
}
