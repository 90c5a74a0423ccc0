package com.enreach.tools.ai.anthropic.internal;

import com.anthropic.models.messages.RawContentBlockDelta;
import com.anthropic.models.messages.RawContentBlockStartEvent;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.ChatListener;
import com.enreach.tools.api.ai.ChatResponse;
import com.enreach.tools.api.ai.ContentBlock;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds one turn from the stream's events: text deltas go to the listener as they come, tool input
 * ({@code input_json_delta}) is gathered per block and checked to be JSON at the end. A stream that ends before
 * {@code message_stop} is truncated, hence {@link AiException.Kind#MALFORMED}.
 */
final class TurnAssembler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Settings settings;
    private final ChatListener listener;
    private final Map<Long, Block> blocks = new TreeMap<>();
    private String model;
    private String stopReason;
    private int inputTokens;
    private int outputTokens;
    private boolean started;
    private boolean stopped;

    TurnAssembler(Settings settings, ChatListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    void accept(RawMessageStreamEvent event) {
        if (event.isMessageStart()) {
            started = true;
            var message = event.asMessageStart().message();
            model = message.model().asString();
            inputTokens = (int) message.usage().inputTokens();
        } else if (event.isContentBlockStart()) {
            var start = event.asContentBlockStart();
            RawContentBlockStartEvent.ContentBlock cb = start.contentBlock();
            Block b = cb.isToolUse() ? new Block(ContentBlock.TOOL_USE, cb.asToolUse().id(), cb.asToolUse().name())
                    : new Block(cb.isText() ? ContentBlock.TEXT : null, null, null);
            blocks.put(start.index(), b);
        } else if (event.isContentBlockDelta()) {
            var delta = event.asContentBlockDelta();
            Block b = blocks.get(delta.index());
            if (b == null) {
                throw malformed("a content_block_delta for block " + delta.index() + ", which never started");
            }
            RawContentBlockDelta d = delta.delta();
            if (d.isText()) {
                b.text.append(d.asText().text());
                listener.onText(d.asText().text());
            } else if (d.isInputJson()) {
                b.text.append(d.asInputJson().partialJson());
            }
        } else if (event.isMessageDelta()) {
            var delta = event.asMessageDelta();
            stopReason = delta.delta().stopReason().map(r -> r.asString()).orElse(stopReason);
            outputTokens = (int) delta.usage().outputTokens();
        } else if (event.isMessageStop()) {
            stopped = true;
        }
        // content_block_stop needs nothing; ping and error never reach here (the SDK drops pings, throws on errors)
    }

    ChatResponse response() {
        if (!started || !stopped) {
            throw malformed("the stream ended before message_stop (truncated answer)");
        }
        List<ContentBlock> content = new ArrayList<>();
        for (Block b : blocks.values()) {
            if (ContentBlock.TEXT.equals(b.type)) {
                content.add(ContentBlock.text(b.text.toString()));
            } else if (ContentBlock.TOOL_USE.equals(b.type)) {
                String input = b.text.length() == 0 ? "{}" : b.text.toString();
                try {
                    if (!JSON.readTree(input).isObject()) {
                        throw new IOException("not an object");
                    }
                } catch (IOException e) {
                    throw malformed("the input of tool call " + b.name + " is not a JSON object");
                }
                content.add(ContentBlock.toolUse(b.id, b.name, input));
            }
        }
        return new ChatResponse(content, stopReason(stopReason), model, inputTokens, outputTokens);
    }

    /** Anthropic's stop reasons onto the contract's four. */
    static String stopReason(String anthropic) {
        if (anthropic == null) {
            return "end_turn";
        }
        return switch (anthropic) {
            case "tool_use", "max_tokens", "stop_sequence" -> anthropic;
            case "model_context_window_exceeded" -> "max_tokens";
            default -> "end_turn"; // end_turn, pause_turn, refusal (its text says so)
        };
    }

    private AiException malformed(String what) {
        return new AiException(AiException.Kind.MALFORMED, settings.name(),
                "Anthropic provider '" + settings.name() + "': malformed answer: " + what);
    }

    private static final class Block {
        final String type;
        final String id;
        final String name;
        final StringBuilder text = new StringBuilder();

        Block(String type, String id, String name) {
            this.type = type;
            this.id = id;
            this.name = name;
        }
    }
}
