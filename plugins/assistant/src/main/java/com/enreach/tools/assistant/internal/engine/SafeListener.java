package com.enreach.tools.assistant.internal.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.Citation;

/**
 * Shields the answer from its listener: a streaming client that went away (its writes throw) must not cost the answer,
 * which is still stored. After the first failure the listener is not called again.
 */
final class SafeListener implements AnswerListener {
    private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);
    private final AnswerListener delegate;
    private volatile boolean broken;

    SafeListener(AnswerListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void onStored(long conversationId, long questionMessageId) {
        run(() -> delegate.onStored(conversationId, questionMessageId));
    }

    @Override
    public void onStatus(String status) {
        run(() -> delegate.onStatus(status));
    }

    @Override
    public void onText(String delta) {
        run(() -> delegate.onText(delta));
    }

    @Override
    public void onCitation(Citation citation) {
        run(() -> delegate.onCitation(citation));
    }

    private void run(Runnable call) {
        if (broken) {
            return;
        }
        try {
            call.run();
        } catch (RuntimeException e) {
            broken = true;
            LOG.debug("Answer listener failed; the answer continues without streaming: {}", e.toString());
        }
    }
}
