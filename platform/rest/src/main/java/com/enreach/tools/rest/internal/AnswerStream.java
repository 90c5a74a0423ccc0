package com.enreach.tools.rest.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ai.Answer;
import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.AskRequest;
import com.enreach.tools.api.ai.AssistantService;
import com.enreach.tools.api.ai.Citation;

import jakarta.ws.rs.core.StreamingOutput;

/**
 * {@code POST /api/ai/query} as server-sent events: {@code stored}, {@code status}, {@code delta}, {@code citation} as
 * the assistant works, then always a final {@code answer} (its {@code error} set when it failed). A client that goes
 * away only stops the writing: the question runs to its end, so its answer is stored in the conversation all the same.
 */
final class AnswerStream implements StreamingOutput, AnswerListener {
    private static final Logger LOG = LoggerFactory.getLogger(AnswerStream.class);
    static final int DEFAULT_JERSEY_BUFFER = 8192;
    private final AssistantService service;
    private final AskRequest request;
    private final String actor;
    private final int buffered;
    private OutputStream out;
    private boolean gone;
    private long conversationId;
    private long questionId;

    /**
     * @param buffered how many bytes Jersey buffers before it commits the response (its content-length buffer): until
     *                 then a flush sends nothing, so the stream opens with a comment longer than that
     */
    AnswerStream(AssistantService service, AskRequest request, String actor, int buffered) {
        this.service = service;
        this.request = request;
        this.actor = actor;
        this.buffered = buffered;
    }

    @Override
    public void write(OutputStream output) {
        synchronized (this) {
            out = output;
            if (buffered > 0) {
                // Jersey holds the first bytes back to compute a Content-Length; a write larger than its buffer commits
                // the response and makes every later flush reach the client. SSE clients ignore ':' comment lines.
                writeFrame(": " + " ".repeat(buffered) + "\n\n", "open");
            }
        }
        Answer answer;
        try {
            answer = service.ask(request, this, actor);
        } catch (ApiException e) {
            // checked before streaming where possible; what the service refuses later still ends with an answer event
            answer = failed(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("The assistant failed on a streamed question of {}", actor, e);
            answer = failed("internal", "The assistant failed: " + e.getMessage());
        }
        send("answer", answer);
    }

    private synchronized Answer failed(String code, String message) {
        return new Answer(conversationId, questionId, null, request.provider(), null, false, "", null, null,
                new Answer.AnswerError(code, message, null), Instant.now(), 0);
    }

    @Override
    public void onStored(long conversationId, long questionMessageId) {
        synchronized (this) {
            this.conversationId = conversationId;
            this.questionId = questionMessageId;
        }
        send("stored", new Stored(conversationId, questionMessageId));
    }

    @Override
    public void onStatus(String status) {
        send("status", Map.of("text", status == null ? "" : status));
    }

    @Override
    public void onText(String delta) {
        if (delta != null && !delta.isEmpty()) {
            send("delta", Map.of("text", delta));
        }
    }

    @Override
    public void onCitation(Citation citation) {
        if (citation != null) {
            send("citation", citation);
        }
    }

    /** One frame, flushed at once; the listener may be called from the provider's threads, hence synchronized. */
    private synchronized void send(String event, Object data) {
        if (gone || out == null) {
            return;
        }
        String frame;
        try {
            // Jackson writes one line (newlines inside strings are escaped), so one data: line per event is enough
            frame = "event: " + event + "\ndata: " + JsonProvider.MAPPER.writeValueAsString(data) + "\n\n";
        } catch (IOException e) {
            LOG.warn("SSE event '{}' could not be written as JSON: {}", event, e.toString());
            return;
        }
        writeFrame(frame, event);
    }

    private synchronized void writeFrame(String frame, String event) {
        try {
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | RuntimeException e) {
            gone = true;
            LOG.debug("SSE client of {} went away during '{}': the answer is still stored ({})", actor, event, e.toString());
        }
    }

    /** The {@code stored} event's data; a record, not a map, so its fields keep their order on the wire. */
    record Stored(long conversationId, long questionId) {
    }

    /** Jersey's content-length buffer as configured (server or common property), else its default, 8192 bytes. */
    static int bufferSize(jakarta.ws.rs.core.Configuration config) {
        for (String name : new String[] {"jersey.config.server.contentLength.buffer", "jersey.config.contentLength.buffer"}) {
            Object v = config == null ? null : config.getProperty(name);
            if (v != null) {
                try {
                    return Integer.parseInt(v.toString().trim());
                } catch (NumberFormatException e) {
                    return DEFAULT_JERSEY_BUFFER;
                }
            }
        }
        return DEFAULT_JERSEY_BUFFER;
    }
}
