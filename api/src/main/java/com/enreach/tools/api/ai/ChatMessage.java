package com.enreach.tools.api.ai;

import java.util.List;

/**
 * One message: {@code role} is {@code user} or {@code assistant}. Tool results travel in a {@code user} message
 * (Anthropic's convention; OpenAI-compatible providers turn them into {@code tool} role messages).
 */
public record ChatMessage(String role, List<ContentBlock> content) {
    public ChatMessage {
        content = content == null ? List.of() : List.copyOf(content);
    }

    public static ChatMessage user(String text) {
        return new ChatMessage("user", List.of(ContentBlock.text(text)));
    }

    public static ChatMessage assistant(String text) {
        return new ChatMessage("assistant", List.of(ContentBlock.text(text)));
    }

    /** The concatenated text blocks. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (ContentBlock c : content) {
            if (ContentBlock.TEXT.equals(c.type()) && c.text() != null) {
                b.append(c.text());
            }
        }
        return b.toString();
    }
}
