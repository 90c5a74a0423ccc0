package com.enreach.tools.ai.anthropic.internal;

import com.enreach.tools.aidouble.anthropic.AnthropicDouble;
import com.enreach.tools.aidouble.anthropic.Fault;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.ChatRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The key appears in no log line (at debug) and no error message, whatever fails; the component registers the service. */
class KeyNeverShownTest {
    private static final String KEY = "sk-ant-api03-very-secret-key-0042";
    private final AnthropicDouble anthropic = new AnthropicDouble(KEY);
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<Object[]> registered = new ArrayList<>();
    private PrintStream stderr;

    @BeforeEach
    void captureLog() {
        stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8)); // slf4j-simple writes to the current System.err
    }

    @AfterEach
    void restore() {
        System.setErr(stderr);
        anthropic.close();
    }

    private String logged() {
        return log.toString(StandardCharsets.UTF_8);
    }

    private BundleContext context() {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> null);
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, m, a) -> {
                    if (m.getName().equals("registerService")) {
                        registered.add(a);
                        return registration;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void theComponentRegistersTheProviderAndNeitherLogsNorShowsTheKey() {
        anthropic.enqueue(Fault.rateLimited("3"), Fault.status(401, "authentication_error", "invalid x-api-key: " + KEY),
                Fault.malformedEvent(), Fault.stall(Duration.ofSeconds(30)));
        AnthropicComponent component = new AnthropicComponent(context(), Doubles.config(anthropic, "timeout", "1"));
        assertEquals(1, registered.size());
        AiProvider provider = (AiProvider) registered.get(0)[1];
        Dictionary<?, ?> props = (Dictionary<?, ?>) registered.get(0)[2];
        assertEquals("test", props.get(AiProvider.NAME_PROPERTY));
        assertEquals(0, props.get("service.ranking"));
        assertEquals("anthropic", provider.kind());
        assertFalse(provider.toString().contains(KEY));

        ChatRequest q = new ChatRequest(null, List.of(ChatMessage.user("x")), List.of(), 0, null);
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            messages.add(assertThrows(AiException.class, () -> provider.chat(q, null)).getMessage());
        }
        assertTrue(messages.get(1).contains("invalid x-api-key: ***"), "an echoed key is scrubbed: " + messages.get(1));
        assertEquals(4, logged().lines().filter(l -> l.contains("WARN")).count(), logged());
        assertTrue(logged().contains("Anthropic provider 'test' ready: model claude-test"), logged());
        component.deactivate();
        assertTrue(logged().contains("Anthropic provider 'test' stopped"), logged());
        for (String m : messages) {
            assertFalse(m.contains(KEY), m);
        }
        assertFalse(logged().contains(KEY), logged());
    }

    @Test
    void aMisconfiguredFileIsListedWithItsNameAndProblemNeverUsedAndLogsNoKey() {
        AnthropicComponent component = new AnthropicComponent(context(),
                Doubles.config(anthropic, "model", null, "felix.fileinstall.filename", "file:/x/etc/ai.anthropic-test.cfg"));
        assertEquals(1, registered.size());
        AiProvider provider = (AiProvider) registered.get(0)[1];
        Dictionary<?, ?> props = (Dictionary<?, ?>) registered.get(0)[2];
        assertEquals("test", props.get(AiProvider.NAME_PROPERTY));
        assertEquals("etc/ai.anthropic-test.cfg: model is required (e.g. model = claude-sonnet-4-5)", provider.problem());
        assertEquals("anthropic", provider.kind());
        AiException e = assertThrows(AiException.class,
                () -> provider.chat(new ChatRequest(null, List.of(ChatMessage.user("x")), List.of(), 0, null), null));
        assertTrue(e.getMessage().contains("model is required"), e.getMessage());
        assertTrue(logged().contains("Anthropic provider not started: etc/ai.anthropic-test.cfg: model is required"), logged());
        component.deactivate();
        assertFalse(logged().contains(KEY));
    }
}
