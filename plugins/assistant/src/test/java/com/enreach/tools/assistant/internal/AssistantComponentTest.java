package com.enreach.tools.assistant.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Constants;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.Answer;
import com.enreach.tools.api.ai.AskRequest;
import com.enreach.tools.api.ai.ContentBlock;
import com.enreach.tools.api.ai.ChatListener;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.enreach.tools.api.ai.ProviderInfo;
import com.enreach.tools.assistant.internal.engine.FakeStore;
import com.enreach.tools.assistant.internal.tools.FakeEstate;

/** Which provider answers: named, configured default, first generating one, else offline — and switching live. */
class AssistantComponentTest {

    private static AssistantComponent component(String defaultProvider) {
        return new AssistantComponent(config(defaultProvider), null, null, null, null, null, null, null);
    }

    private static AssistantConfig config(String provider) {
        return new AssistantConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AssistantConfig.class;
            }

            @Override
            public String provider() {
                return provider;
            }

            @Override
            public int context_tokens() {
                return 6000;
            }

            @Override
            public int answer_tokens() {
                return 1024;
            }

            @Override
            public int tool_rounds() {
                return 6;
            }
        };
    }

    private static AiProvider provider(String name) {
        return provider(name, null);
    }

    /** A provider answering {@code reply} (streamed in one piece); none given: it is never asked. */
    private static AiProvider provider(String name, String reply) {
        return new AiProvider() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String kind() {
                return "openai";
            }

            @Override
            public String model() {
                return "m";
            }

            @Override
            public String baseUrl() {
                return "http://127.0.0.1:9/v1";
            }

            @Override
            public ChatResponse chat(ChatRequest request, ChatListener listener) {
                if (reply == null) {
                    throw new UnsupportedOperationException();
                }
                listener.onText(reply);
                return new ChatResponse(List.of(ContentBlock.text(reply)), "end_turn", "m", 1, 1);
            }
        };
    }

    @Test
    void withoutProvidersTheOfflineOneAnswers() {
        AssistantComponent c = component(null);
        assertEquals("offline", c.provider(null).name());
        List<ProviderInfo> list = c.providers();
        assertEquals(1, list.size());
        assertEquals("offline", list.get(0).name());
        assertEquals(true, list.get(0).isDefault());
    }

    @Test
    void aBoundProviderTakesOverAndItsRemovalSwitchesBack() {
        AssistantComponent c = component("");
        AiProvider alpha = provider("alpha");
        AiProvider zeta = provider("zeta");
        c.addProvider(alpha, Map.of());
        assertEquals("alpha", c.provider(null).name());
        c.addProvider(zeta, Map.of(Constants.SERVICE_RANKING, "10"));
        assertEquals("zeta", c.provider(null).name(), "higher service ranking first, even written as text");
        assertEquals(List.of("zeta", "offline", "alpha"), c.providers().stream().map(ProviderInfo::name).toList());
        c.removeProvider(zeta);
        assertEquals("alpha", c.provider(null).name());
        c.removeProvider(alpha);
        assertEquals("offline", c.provider(null).name());
    }

    @Test
    void aMisconfiguredProviderIsListedWithItsMessageButNeverTheDefault() {
        AssistantComponent c = component("broken");
        c.addProvider(AiProvider.misconfigured("broken", "openai", "etc/ai.openai-broken.cfg: model is required"),
                Map.of(Constants.SERVICE_RANKING, 100));
        c.addProvider(provider("alpha"), Map.of());
        assertEquals("alpha", c.provider(null).name(), "neither as the configured default nor by ranking");
        ProviderInfo broken = c.providers().stream().filter(p -> p.name().equals("broken")).findFirst().orElseThrow();
        assertEquals("misconfigured", broken.status());
        assertEquals("etc/ai.openai-broken.cfg: model is required", broken.message());
        assertEquals(false, broken.isDefault());
        assertEquals("broken", c.provider("broken").name(), "named explicitly, it answers with its problem as the error");
    }

    @Test
    void equalRankingsGoByName() {
        AssistantComponent c = component(null);
        c.addProvider(provider("beta"), Map.of(Constants.SERVICE_RANKING, 5));
        c.addProvider(provider("alpha"), Map.of(Constants.SERVICE_RANKING, 5));
        assertEquals("alpha", c.provider(null).name());
    }

    @Test
    void theConfiguredDefaultAndANamedProviderWin() {
        AssistantComponent c = component("beta");
        c.addProvider(provider("alpha"), Map.of(Constants.SERVICE_RANKING, 100));
        c.addProvider(provider("beta"), Map.of());
        assertEquals("beta", c.provider(null).name());
        assertEquals("alpha", c.provider("alpha").name());
        assertEquals("offline", c.provider(" offline ").name());
        c.modified(config("offline"));
        assertEquals("offline", c.provider(null).name(), "the configured default may be the offline provider");
        c.modified(config("gone"));
        assertEquals("alpha", c.provider(null).name(), "a configured default that is not bound falls back");
        ApiException e = assertThrows(ApiException.class, () -> c.provider("nope"));
        assertEquals("provider", e.field());
        assertEquals(ApiException.Reason.INVALID, e.reason());
    }

    @Test
    void questionsAreAnsweredOfflineThenByABoundProviderThenOfflineAgain() {
        FakeEstate estate = new FakeEstate();
        FakeStore store = new FakeStore();
        AssistantComponent c = new AssistantComponent(config(null), store, estate.search(), estate.knowledge(),
                estate.entities(), estate.reports(), estate.sources(), null);
        AskRequest q = new AskRequest("Which VMs run on esx-ams-01?", null, null, null);

        Answer offline = c.ask(q, null, "alice");
        assertEquals("offline", offline.provider());
        assertTrue(offline.extractive());
        assertTrue(offline.citations().stream().anyMatch(x -> x.link().equals("#/entities/1")), offline.toString());

        AiProvider gpt = provider("gpt", "Generated.");
        c.addProvider(gpt, Map.of());
        Answer generated = c.ask(new AskRequest("And on esx-lon-01?", offline.conversationId(), null, null), null, "alice");
        assertEquals("gpt", generated.provider());
        assertEquals("Generated.", generated.text());
        assertEquals("gpt", store.audits.get(0).provider());

        c.removeProvider(gpt);
        assertEquals("offline", c.ask(q, null, "alice").provider());
        assertEquals(4, c.conversation(offline.conversationId(), "alice").orElseThrow().messages().size());
    }
}
