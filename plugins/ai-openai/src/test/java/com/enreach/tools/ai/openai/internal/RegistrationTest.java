package com.enreach.tools.ai.openai.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OpenAiProvider(
                Configs.config("model", "m", ".password", "k"), Map.of("service.pid", "ai.openai~pub", "api.key", "sk-x"),
                context()));
        assertEquals("etc/ai.openai-pub.cfg: api.key is a public property: put the key in .password or name an "
                + "environment variable in api.key.env", e.getMessage());
        assertTrue(registered.isEmpty());
    }

    @Test
    void aMisconfiguredFileRegistersNothing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OpenAiProvider(
                Configs.config("model", ""), Map.of("service.pid", "ai.openai~bad"), context()));
        assertTrue(e.getMessage().startsWith("etc/ai.openai-bad.cfg: model"), e.getMessage());
        assertTrue(registered.isEmpty());
    }
}
