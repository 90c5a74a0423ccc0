package com.enreach.tools.api.ai;

import java.util.List;

public record ConversationDetail(Conversation conversation, List<ConversationMessage> messages) {
    public ConversationDetail {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
