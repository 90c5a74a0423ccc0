package com.enreach.tools.core.internal.sync;

import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import com.enreach.tools.api.ChangeFeed;

/**
 * Posts {@link ChangeFeed#TOPIC_BATCH} on EventAdmin after each committed batch. Active only while an EventAdmin is
 * present; without one the core runs the same and consumers read the feed by polling.
 */
@Component(service = ChangeListener.class, immediate = true)
public class ChangeEvents implements ChangeListener {
    private final EventAdmin events;

    @Activate
    public ChangeEvents(@Reference EventAdmin events) {
        this.events = events;
    }

    @Override
    public void committed(long runId, String instance, long firstPosition, long lastPosition) {
        // postEvent: asynchronous, so a slow handler never holds up the run that wrote the batch
        events.postEvent(new Event(ChangeFeed.TOPIC_BATCH, Map.of(ChangeFeed.EVENT_RUN_ID, runId, ChangeFeed.EVENT_INSTANCE, instance,
                ChangeFeed.EVENT_FIRST_POSITION, firstPosition, ChangeFeed.EVENT_LAST_POSITION, lastPosition)));
    }
}
