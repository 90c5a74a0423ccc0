package com.enreach.tools.assistant.internal.engine;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.SyncService;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.AssistantStore;
import com.enreach.tools.api.ai.ToolSpec;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.ReportService;
import com.enreach.tools.api.kb.KnowledgeService;
import com.enreach.tools.api.kb.SearchHit;
import com.enreach.tools.api.kb.SearchResult;
import com.enreach.tools.api.kb.SearchService;
import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.assistant.internal.AssistantConfig;
import com.enreach.tools.assistant.internal.AssistantContext;
import com.enreach.tools.assistant.internal.offline.OfflineAnswerer;
import com.enreach.tools.assistant.internal.offline.OfflineProvider;
import com.enreach.tools.assistant.internal.tools.ToolOutcome;
import com.enreach.tools.assistant.internal.tools.Toolbox;

/** An {@link AssistantContext} of fakes: an in-memory store, canned search hits, scripted tools and providers. */
class FakeContext implements AssistantContext {
    final FakeStore store = new FakeStore();
    final List<SearchHit> hits = new ArrayList<>();
    final List<com.enreach.tools.api.kb.SearchQuery> searches = new ArrayList<>();
    final FakeTools tools = new FakeTools();
    final List<AiProvider> providers = new ArrayList<>();
    final Guard guard = new Guard(this);
    Function<String, OfflineAnswerer.Drafted> offline = q -> {
        throw new UnsupportedOperationException("not built yet");
    };
    int contextTokens = 6000;
    int toolRounds = 6;

    FakeContext() {
        providers.add(new OfflineProvider(this));
    }

    FakeContext with(AiProvider p) {
        providers.add(p);
        return this;
    }

    static SearchHit hit(String type, long id, String title, String snippet) {
        return new SearchHit(type, id, title, snippet, "https://wiki.example/" + id, 1.0 / id, 1, 1, null, null, null,
                null, 0);
    }

    @Override
    public AssistantStore store() {
        return store;
    }

    @Override
    public SearchService search() {
        return q -> {
            searches.add(q);
            return new SearchResult(q.text(), "hybrid", List.copyOf(hits), List.of(), null, 1);
        };
    }

    @Override
    public KnowledgeService knowledge() {
        return null;
    }

    @Override
    public EntityService entities() {
        return null;
    }

    @Override
    public ReportService reports() {
        return null;
    }

    @Override
    public SourceService sources() {
        return null;
    }

    @Override
    public SyncService syncs() {
        return null;
    }

    @Override
    public List<AiProvider> aiProviders() {
        return List.copyOf(providers);
    }

    @Override
    public AiProvider provider(String name) {
        if (name != null) {
            return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> ApiException.invalid("provider", "No provider named '" + name + "'"));
        }
        return providers.size() > 1 ? providers.get(1) : providers.get(0);
    }

    @Override
    public AssistantConfig config() {
        return config(null, contextTokens, toolRounds);
    }

    static AssistantConfig config(String provider, int contextTokens, int toolRounds) {
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
                return contextTokens;
            }

            @Override
            public int answer_tokens() {
                return 1024;
            }

            @Override
            public int tool_rounds() {
                return toolRounds;
            }
        };
    }

    @Override
    public Optional<EmbeddingProvider> embeddings() {
        return Optional.empty();
    }

    @Override
    public Toolbox tools() {
        return tools;
    }

    @Override
    public Guard guard() {
        return guard;
    }

    @Override
    public OfflineAnswerer offlineAnswerer() {
        return new OfflineAnswerer(this, tools) {
            @Override
            public Drafted answer(String question, String scope, AnswerListener listener) {
                return offline.apply(question);
            }
        };
    }

    /** Scripted tools: name -> (input JSON -> outcome); records each call as "name input". */
    static class FakeTools implements Toolbox {
        final Map<String, Function<String, ToolOutcome>> tools = new LinkedHashMap<>();
        final Map<String, String> schemas = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();

        FakeTools tool(String name, String schema, Function<String, ToolOutcome> body) {
            tools.put(name, body);
            schemas.put(name, schema);
            return this;
        }

        @Override
        public List<ToolSpec> specs(String scope, boolean sensitiveAllowed) {
            return tools.keySet().stream().map(n -> new ToolSpec(n, "does " + n, schemas.get(n))).toList();
        }

        @Override
        public ToolOutcome call(String name, String inputJson, boolean sensitiveAllowed) {
            calls.add(name + " " + inputJson);
            Function<String, ToolOutcome> body = tools.get(name);
            return body == null ? ToolOutcome.failure("Unknown tool '" + name + "'") : body.apply(inputJson);
        }
    }
}
