package com.enreach.tools.api.ai;

import org.osgi.annotation.versioning.ConsumerType;

/** Progress of one answer, for streaming (SSE) clients. Every method has a no-op default. */
@ConsumerType
public interface AnswerListener {
    AnswerListener NONE = new AnswerListener() {
    };

    /** The question is stored: its conversation and message ids. Called first. */
    default void onStored(long conversationId, long questionMessageId) {
    }

    /** What the assistant is doing ("searching the knowledge base", "calling tool vms_on_host", ...). */
    default void onStatus(String status) {
    }

    /** A piece of answer text. */
    default void onText(String delta) {
    }

    /** A source the answer cites, as soon as it is known. */
    default void onCitation(Citation citation) {
    }
}
