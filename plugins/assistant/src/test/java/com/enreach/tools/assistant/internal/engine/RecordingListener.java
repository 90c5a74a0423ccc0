package com.enreach.tools.assistant.internal.engine;

import java.util.ArrayList;
import java.util.List;

import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.Citation;

/** Records what an answer streamed, in order. */
class RecordingListener implements AnswerListener {
    final List<String> events = new ArrayList<>();
    final List<String> deltas = new ArrayList<>();
    final List<Citation> citations = new ArrayList<>();

    @Override
    public void onStored(long conversationId, long questionMessageId) {
        events.add("stored " + conversationId + " " + questionMessageId);
    }

    @Override
    public void onStatus(String status) {
        events.add("status " + status);
    }

    @Override
    public void onText(String delta) {
        events.add("text");
        deltas.add(delta);
    }

    @Override
    public void onCitation(Citation citation) {
        events.add("citation " + citation.n());
        citations.add(citation);
    }

    String streamed() {
        return String.join("", deltas);
    }
}
