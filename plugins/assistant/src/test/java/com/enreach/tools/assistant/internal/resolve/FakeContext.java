package com.enreach.tools.assistant.internal.resolve;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.SyncService;
import com.enreach.tools.api.ai.AiAuditEntry;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.AssistantStore;
import com.enreach.tools.api.ai.ChatListener;
import com.enreach.tools.api.ai.ChatRequest;
import com.enreach.tools.api.ai.ChatResponse;
import com.enreach.tools.api.ai.ContentBlock;
import com.enreach.tools.api.ai.Conversation;
import com.enreach.tools.api.ai.ConversationMessage;
import com.enreach.tools.api.ai.Suggestion;
import com.enreach.tools.api.ai.SuggestionFeedback;
import com.enreach.tools.api.inventory.Entity;
import com.enreach.tools.api.inventory.EntityLookup;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.ReportService;
import com.enreach.tools.api.kb.KnowledgeService;
import com.enreach.tools.api.kb.SearchService;
import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.assistant.internal.AssistantConfig;
import com.enreach.tools.assistant.internal.AssistantContext;
import com.enreach.tools.assistant.internal.engine.Guard;
import com.enreach.tools.assistant.internal.offline.OfflineAnswerer;
import com.enreach.tools.assistant.internal.tools.Toolbox;

/** The assistant's context over fakes: an in-memory KB, entities by name, a store, an offline and a scripted provider. */
public class FakeContext implements AssistantContext {
    public final FakeKb kb = new FakeKb();
    public final Map<String, List<Entity>> inventory = new HashMap<>();
    /** Machines with their golden OS value, for find (every word of q in the name or the OS) and get. */
    public final Map<Entity, String> os = new java.util.LinkedHashMap<>();
    public final MemoryStore store = new MemoryStore();
    public final List<AiProvider> providers = new ArrayList<>(List.of(new Scripted("offline", "offline", r -> "")));
    public EmbeddingProvider embedding;
    private final Guard guard = new Guard(this);
    private final EntityService entities = (EntityService) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {EntityService.class}, (p, m, args) -> {
                if (m.getName().equals("lookup")) {
                    String q = ((String) args[0]).toLowerCase(java.util.Locale.ROOT);
                    return new EntityLookup(q, inventory.getOrDefault(q, List.of()));
                }
                if (m.getName().equals("find")) {
                    com.enreach.tools.api.inventory.EntityQuery q = (com.enreach.tools.api.inventory.EntityQuery) args[0];
                    List<String> words = List.of(q.q().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
                    List<Entity> hits = os.entrySet().stream()
                            .filter(e -> words.stream().allMatch(w -> (e.getKey().name() + " " + e.getValue()).toLowerCase(java.util.Locale.ROOT).contains(w)))
                            .map(Map.Entry::getKey).toList();
                    return new com.enreach.tools.api.Page<>(hits.size(), q.limit(), q.offset(), hits.stream().skip(q.offset()).limit(q.limit()).toList());
                }
                if (m.getName().equals("get")) {
                    long id = (Long) args[0];
                    return os.entrySet().stream().filter(e -> e.getKey().id() == id).findFirst()
                            .map(e -> new com.enreach.tools.api.inventory.EntityDetail(e.getKey(),
                                    List.of(new com.enreach.tools.api.inventory.GoldenValue("os", e.getValue(), null, "priority", List.of(), false)),
                                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
                }
                throw new UnsupportedOperationException(m.getName());
            });

    public static Entity entity(long id, String name, String type) {
        return new Entity(id, name, type, "active", null, List.of("demo"), 1, 0, Instant.now(), Instant.now(), Instant.now());
    }

    /** Adds a generating provider that answers with {@code reply(request)}. */
    public Scripted generating(String name, Function<ChatRequest, String> reply) {
        Scripted s = new Scripted(name, "openai", reply);
        providers.add(s);
        return s;
    }

    @Override
    public AssistantStore store() {
        return store;
    }

    @Override
    public SearchService search() {
        return kb;
    }

    @Override
    public KnowledgeService knowledge() {
        return kb;
    }

    @Override
    public EntityService entities() {
        return entities;
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
        return providers;
    }

    @Override
    public AiProvider provider(String name) {
        if (name == null) {
            return providers.get(providers.size() - 1);
        }
        return providers.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> ApiException.invalid("provider", "No provider named '" + name + "'"));
    }

    @Override
    public AssistantConfig config() {
        return null;
    }

    @Override
    public Optional<EmbeddingProvider> embeddings() {
        return Optional.ofNullable(embedding);
    }

    @Override
    public Toolbox tools() {
        return null;
    }

    @Override
    public Guard guard() {
        return guard;
    }

    @Override
    public OfflineAnswerer offlineAnswerer() {
        return null;
    }

    /** A provider whose reply is computed from the request; records every request. */
    public static final class Scripted implements AiProvider {
        private final String name;
        private final String kind;
        private final Function<ChatRequest, String> reply;
        public final List<ChatRequest> requests = new ArrayList<>();

        Scripted(String name, String kind, Function<ChatRequest, String> reply) {
            this.name = name;
            this.kind = kind;
            this.reply = reply;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public String model() {
            return "offline".equals(kind) ? null : "test-model";
        }

        @Override
        public String baseUrl() {
            return null;
        }

        @Override
        public ChatResponse chat(ChatRequest request, ChatListener listener) {
            requests.add(request);
            return new ChatResponse(List.of(ContentBlock.text(reply.apply(request))), "end_turn", model(), 10, 10);
        }
    }

    /** Suggestions, feedback and audit entries in memory. */
    public static final class MemoryStore implements AssistantStore {
        public final Map<Long, Suggestion> suggestions = new HashMap<>();
        public final List<SuggestionFeedback> feedback = new ArrayList<>();
        public final List<AiAuditEntry> audits = new ArrayList<>();

        @Override
        public Suggestion saveSuggestion(Suggestion s) {
            long id = suggestions.size() + 1L;
            Suggestion saved = new Suggestion(id, s.ticketKey(), s.problem(), s.steps(), s.references(), s.similarTickets(), s.articles(),
                    s.entities(), s.confidence(), s.confidenceLabel(), s.confidenceBasis(), s.provider(), s.model(), s.extractive(),
                    s.createdBy(), s.createdAt(), List.of());
            suggestions.put(id, saved);
            return saved;
        }

        @Override
        public Optional<Suggestion> suggestion(long id) {
            Suggestion s = suggestions.get(id);
            if (s == null) {
                return Optional.empty();
            }
            List<SuggestionFeedback> f = feedback.stream().filter(x -> x.suggestionId() == id).toList();
            return Optional.of(new Suggestion(s.id(), s.ticketKey(), s.problem(), s.steps(), s.references(), s.similarTickets(), s.articles(),
                    s.entities(), s.confidence(), s.confidenceLabel(), s.confidenceBasis(), s.provider(), s.model(), s.extractive(),
                    s.createdBy(), s.createdAt(), f));
        }

        @Override
        public SuggestionFeedback addFeedback(SuggestionFeedback f) {
            SuggestionFeedback saved = new SuggestionFeedback(feedback.size() + 1L, f.suggestionId(), f.helpful(), f.comment(), f.actor(), f.createdAt());
            feedback.add(saved);
            return saved;
        }

        @Override
        public AiAuditEntry audit(AiAuditEntry entry) {
            audits.add(entry);
            return entry;
        }

        @Override
        public Page<AiAuditEntry> audits(int limit, int offset) {
            return new Page<>(audits.size(), limit, offset, audits);
        }

        @Override
        public Conversation createConversation(String title, String createdBy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Conversation> conversation(long id) {
            return Optional.empty();
        }

        @Override
        public Page<Conversation> conversations(String createdBy, int limit, int offset) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ConversationMessage addMessage(ConversationMessage message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ConversationMessage> messages(long conversationId) {
            return List.of();
        }

        @Override
        public boolean deleteConversation(long id) {
            return false;
        }
    }
}
