package com.enreach.tools.api.ai;

import org.osgi.annotation.versioning.ConsumerType;

/** Receives a streaming turn as it arrives. */
@ConsumerType
public interface ChatListener {
    ChatListener NONE = delta -> {
    };

    /** A piece of answer text. */
    void onText(String delta);
}
