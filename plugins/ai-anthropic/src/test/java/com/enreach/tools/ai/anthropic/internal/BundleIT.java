package com.enreach.tools.ai.anthropic.internal;

import com.enreach.tools.aidouble.anthropic.AnthropicDouble;
import com.enreach.tools.aidouble.anthropic.Fault;
import com.enreach.tools.aidouble.anthropic.Turn;
import com.enreach.tools.api.ai.AiException;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.ChatMessage;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.enreach.tools.api.ai.ContentBlock;
import com.enreach.tools.api.ai.ToolSpec;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The built bundle inside a real Felix with DS and ConfigAdmin: a factory configuration makes it register an AiProvider,
 * and the embedded Anthropic SDK (Kotlin, Jackson, OkHttp all inside the bundle) streams a text turn and a tool-use
 * round trip from the double, and reports a rate limit.
 */
class BundleIT {
    @Test
    @EnabledIfSystemProperty(named = "anthropic.bundle", matches = ".+")
    void theSdkRunsInsideFelix(@TempDir Path cache) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // the contract and slf4j come from this class path, so the test and the bundle share AiProvider's classes
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "com.enreach.tools.api.ai;version=1.0.0,com.enreach.tools.api.plugin;version=1.2.0,org.slf4j;version=2.0.17");
        Felix felix = new Felix(config);
        felix.start();
        try (AnthropicDouble anthropic = new AnthropicDouble()) {
            BundleContext ctx = felix.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            File[] framework = new File(System.getProperty("anthropic.it.bundles")).listFiles();
            Arrays.sort(framework);
            for (File f : framework) {
                bundles.add(ctx.installBundle(f.toURI().toString()));
            }
            long t0 = System.nanoTime();
            Bundle plugin = ctx.installBundle(Path.of(System.getProperty("anthropic.bundle")).toUri().toString());
            bundles.add(plugin);
            for (Bundle b : bundles) {
                b.start();
            }
            assertEquals(Bundle.ACTIVE, plugin.getState());
            System.out.printf("plugin bundle resolved and started in %d ms%n", (System.nanoTime() - t0) / 1_000_000);

            configure(ctx, Map.of("base.url", anthropic.url(), "model", "claude-it", ".password", anthropic.apiKey(), "timeout", "10"));
            AiProvider provider = awaitProvider(ctx, "bundle");
            assertEquals("claude-it", provider.model());
            assertTrue(provider.getClass().getClassLoader() != getClass().getClassLoader(), "the provider comes from the bundle");

            anthropic.enqueue(Turn.text("Hello from inside Felix."));
            List<String> deltas = new ArrayList<>();
            long t1 = System.nanoTime();
            ChatResponse text = provider.chat(new ChatRequest("Be brief.", List.of(ChatMessage.user("hi")), List.of(), 0, null), deltas::add);
            System.out.printf("first streamed turn inside Felix (SDK classes loading) in %d ms%n", (System.nanoTime() - t1) / 1_000_000);
            assertEquals("Hello from inside Felix.", text.text());
            assertEquals("Hello from inside Felix.", String.join("", deltas));

            ToolSpec tool = new ToolSpec("count_entities", "Counts entities", "{\"type\":\"object\",\"properties\":{\"kind\":{\"type\":\"string\"}}}");
            anthropic.enqueue(Turn.toolUse("count_entities", "{\"kind\":\"vm\"}"), Turn.text("12 VMs [1]."));
            ChatMessage q = ChatMessage.user("How many VMs?");
            long t2 = System.nanoTime();
            ChatResponse call = provider.chat(new ChatRequest(null, List.of(q), List.of(tool), 0, null), null);
            System.out.printf("a warm streamed turn in %d ms%n", (System.nanoTime() - t2) / 1_000_000);
            assertEquals("tool_use", call.stopReason());
            ContentBlock use = call.toolCalls().get(0);
            assertEquals("count_entities", use.toolName());
            ChatResponse answer = provider.chat(new ChatRequest(null, List.of(q, new ChatMessage("assistant", call.content()),
                    new ChatMessage("user", List.of(ContentBlock.toolResult(use.toolUseId(), "{\"count\":12}", false)))),
                    List.of(tool), 0, null), null);
            assertEquals("12 VMs [1].", answer.text());

            long[] warm = new long[7];
            for (int i = 0; i < warm.length; i++) {
                long t = System.nanoTime();
                provider.chat(new ChatRequest(null, List.of(ChatMessage.user("warm " + i)), List.of(), 0, null), null);
                warm[i] = (System.nanoTime() - t) / 1_000_000;
            }
            Arrays.sort(warm);
            System.out.printf("warm streamed text turns: median %d ms, max %d ms%n", warm[warm.length / 2], warm[warm.length - 1]);

            anthropic.enqueue(Fault.rateLimited("9"));
            AiException limited = assertThrows(AiException.class,
                    () -> provider.chat(new ChatRequest(null, List.of(q), List.of(), 0, null), null));
            assertEquals(AiException.Kind.RATE_LIMITED, limited.kind());
            assertEquals(9, limited.retryAfter().toSeconds());
            assertFalse(limited.getMessage().contains(anthropic.apiKey()));

            plugin.stop();
            assertTrue(ctx.getServiceReferences(AiProvider.class, null).isEmpty(), "stopping the bundle withdraws the provider");
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }

    /** A factory configuration ai.anthropic~bundle through ConfigAdmin (its API lives only inside the framework). */
    private static void configure(BundleContext ctx, Map<String, String> values) throws Exception {
        ServiceReference<?> ref = ctx.getServiceReference("org.osgi.service.cm.ConfigurationAdmin");
        Object admin = ctx.getService(ref);
        Class<?> adminType = ref.getBundle().loadClass("org.osgi.service.cm.ConfigurationAdmin");
        Class<?> configType = ref.getBundle().loadClass("org.osgi.service.cm.Configuration");
        Object configuration = adminType.getMethod("getFactoryConfiguration", String.class, String.class, String.class)
                .invoke(admin, "ai.anthropic", "bundle", "?");
        Dictionary<String, Object> props = new Hashtable<>(values);
        Method update = configType.getMethod("update", Dictionary.class);
        update.invoke(configuration, props);
    }

    private static AiProvider awaitProvider(BundleContext ctx, String name) throws Exception {
        for (int i = 0; i < 300; i++) {
            Collection<ServiceReference<AiProvider>> refs = ctx.getServiceReferences(AiProvider.class, "(enreach.ai.provider=" + name + ")");
            if (!refs.isEmpty()) {
                return ctx.getService(refs.iterator().next());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no AiProvider " + name + " was registered within 30 s");
    }
}
