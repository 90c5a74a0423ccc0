package com.enreach.tools.ai.openai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.AiException;

/** One file, one AiProvider service, carrying enreach.ai.provider=<name> (and the file's service.ranking). */
class RegistrationTest {
    private final List<Object[]> registered = new ArrayList<>();
    private final List<String> unregistered = new ArrayList<>();

    private BundleContext context() {
        ServiceRegistration<?> registration = (ServiceRegistration<?>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, method, args) -> {
                    unregistered.add(method.getName());
                    return null;
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("registerService")) {
                        registered.add(args);
                        return registration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void registersItselfNamedAfterTheFile() {
        OpenAiProvider p = new OpenAiProvider(Configs.config("model", "m", ".password", "k"),
                Map.of("service.pid", "ai.openai~prod", "service.ranking", "5"), context());
        assertEquals(1, registered.size());
        assertSame(AiProvider.class, registered.get(0)[0]);
        assertSame(p, registered.get(0)[1]);
        Dictionary<?, ?> props = (Dictionary<?, ?>) registered.get(0)[2];
        assertEquals("prod", props.get(AiProvider.NAME_PROPERTY));
        assertEquals(5, props.get("service.ranking"));
        p.deactivate();
        assertEquals(List.of("unregister"), unregistered);
    }

    @Test
    void noRankingUnlessConfigured() {
        new OpenAiProvider(Configs.config("model", "m", ".password", "k"), Map.of("service.pid", "ai.openai~lab"), context());
        assertNull(((Dictionary<?, ?>) registered.get(0)[2]).get("service.ranking"));
    }

    @Test
    void aKeyUnderAPublicPropertyIsRefused() {
        AiProvider p = misconfigured(Map.of("service.pid", "ai.openai~pub", "api.key", "sk-x"), Configs.config("model", "m", ".password", "k"));
        assertEquals("etc/ai.openai-pub.cfg: api.key is a public property: put the key in .password, encrypt it as "
                + "password=ENC(...) or name an environment variable in api.key.env", p.problem());
        assertFalse(p.toString().contains("sk-x"));
    }

    @Test
    void aMisconfiguredFileIsListedAsSuchAndAnswersNothing() {
        AiProvider p = misconfigured(Map.of("service.pid", "ai.openai~bad"), Configs.config("model", ""));
        assertEquals("bad", p.name());
        assertTrue(p.problem().startsWith("etc/ai.openai-bad.cfg: model"), p.problem());
        AiException e = assertThrows(AiException.class, () -> p.chat(new ChatRequest(null, List.of(ChatMessage.user("hi")), List.of(), 0, null), null));
        assertEquals(AiException.Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("etc/ai.openai-bad.cfg: model"), e.getMessage());
    }

    /** The service registered for a wrong file: a stand-in carrying the problem, named after the file. */
    private AiProvider misconfigured(Map<String, Object> properties, OpenAiConfig config) {
        new OpenAiProvider(config, properties, context());
        assertEquals(1, registered.size());
        AiProvider p = (AiProvider) registered.get(0)[1];
        assertEquals(p.name(), ((Dictionary<?, ?>) registered.get(0)[2]).get(AiProvider.NAME_PROPERTY));
        assertTrue(p.problem() != null);
        return p;
    }
}
