package com.enreach.tools.ai.openai.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.enreach.tools.aidouble.openai.Fault;
import com.enreach.tools.aidouble.openai.OpenAiDouble;
import com.enreach.tools.aidouble.openai.RecordedRequest;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.ChatRequest;

/** The key reaches the endpoint and nowhere else: not the log (debug included), messages, toString, the recording. */
class KeyNeverLeaksTest {
    static final String KEY = "sk-proj-LEAKCHECK0123456789abcdef";

    @Test
    void theKeyIsNeitherLoggedNorInMessages() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder messages = new StringBuilder();
        try (OpenAiDouble openai = OpenAiDouble.start(KEY)) {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            OpenAiProvider good = Configs.provider("leak", "base.url", openai.url(), "model", "m", ".password", KEY);
            good.chat(new ChatRequest("s", List.of(ChatMessage.user("hello")), List.of(), 0, null), null);
            messages.append(good).append('\n');
            openai.fail(Fault.status(401, "invalid_request_error", "invalid_api_key", "Incorrect API key provided: " + KEY));
            openai.fail(Fault.errorInStream("server_error", "failed for key " + KEY));
            for (int i = 0; i < 2; i++) {
                AiException e = assertThrows(AiException.class,
                        () -> good.chat(new ChatRequest("s", List.of(ChatMessage.user("again")), List.of(), 0, null), null));
                messages.append(e.getMessage()).append('\n');
            }
            for (RecordedRequest r : openai.requests()) {
                messages.append(r.headers()).append(r.body()).append('\n');
            }
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("openai provider 'leak'"), "the provider logs its calls at debug: " + log);
        assertFalse(log.contains(KEY), log);
        assertFalse(log.contains("LEAKCHECK"), log);
        assertFalse(messages.toString().contains("LEAKCHECK"), messages.toString());
        assertTrue(messages.toString().contains("<key>"), "a key echoed by the endpoint is replaced: " + messages);
    }
}
