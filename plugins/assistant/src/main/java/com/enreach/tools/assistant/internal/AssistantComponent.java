package com.enreach.tools.assistant.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.SyncService;
import com.enreach.tools.api.ai.AiAuditEntry;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.Answer;
import com.enreach.tools.api.ai.AnswerListener;
import com.enreach.tools.api.ai.AskRequest;
import com.enreach.tools.api.ai.AssistantService;
import com.enreach.tools.api.ai.AssistantStore;
import com.enreach.tools.api.ai.Conversation;
import com.enreach.tools.api.ai.ConversationDetail;
import com.enreach.tools.api.ai.KbAnalysis;
import com.enreach.tools.api.ai.KbAnalysisRequest;
import com.enreach.tools.api.ai.ProviderInfo;
import com.enreach.tools.api.ai.SuggestRequest;
import com.enreach.tools.api.ai.Suggestion;
import com.enreach.tools.api.ai.SuggestionFeedback;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.ReportService;
import com.enreach.tools.api.kb.KnowledgeService;
import com.enreach.tools.api.kb.SearchService;
import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.assistant.internal.engine.Engine;
import com.enreach.tools.assistant.internal.engine.Guard;
import com.enreach.tools.assistant.internal.offline.OfflineAnswerer;
import com.enreach.tools.assistant.internal.tools.InventoryTools;
import com.enreach.tools.assistant.internal.tools.Toolbox;
import com.enreach.tools.assistant.internal.kbmaint.KbAnalyzer;
import com.enreach.tools.assistant.internal.offline.OfflineProvider;
import com.enreach.tools.assistant.internal.resolve.Resolver;

/**
 * The assistant service: binds the platform services and every {@link AiProvider} (dynamic, so a provider configured
 * while the platform runs is used at once), and hands each call to the part that owns it.
 */
@Component(service = AssistantService.class, configurationPid = "enreach.assistant",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = AssistantConfig.class)
public class AssistantComponent implements AssistantService, AssistantContext {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AssistantComponent.class);
    private final AssistantStore store;
    private final SearchService search;
    private final KnowledgeService knowledge;
    private final EntityService entities;
    private final ReportService reports;
    private final SourceService sources;
    private final SyncService syncs;
    private final Map<AiProvider, Map<String, Object>> bound = new ConcurrentHashMap<>();
    private final OfflineProvider offline;
    private final Toolbox tools;
    private final Guard guard;
    private final OfflineAnswerer offlineAnswerer;
    private final Engine engine;
    private final Resolver resolver;
    private final KbAnalyzer analyzer;
    private volatile AssistantConfig config;
    private volatile EmbeddingProvider embedding;
    private volatile String missingDefault;

    @Activate
    public AssistantComponent(AssistantConfig config, @Reference AssistantStore store, @Reference SearchService search,
                              @Reference KnowledgeService knowledge, @Reference EntityService entities,
                              @Reference ReportService reports, @Reference SourceService sources,
                              @Reference SyncService syncs) {
        this.config = config;
        this.store = store;
        this.search = search;
        this.knowledge = knowledge;
        this.entities = entities;
        this.reports = reports;
        this.sources = sources;
        this.syncs = syncs;
        this.offline = new OfflineProvider(this);
        this.tools = new InventoryTools(this);
        this.guard = new Guard(this);
        this.offlineAnswerer = new OfflineAnswerer(this, tools);
        this.engine = new Engine(this);
        this.resolver = new Resolver(this);
        this.analyzer = new KbAnalyzer(this);
    }

    @Modified
    void modified(AssistantConfig config) {
        this.config = config;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addProvider(AiProvider provider, Map<String, Object> properties) {
        bound.put(provider, properties);
    }

    void removeProvider(AiProvider provider) {
        bound.remove(provider);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEmbedding(EmbeddingProvider provider) {
        this.embedding = provider;
    }

    void unsetEmbedding(EmbeddingProvider provider) {
        if (this.embedding == provider) {
            this.embedding = null;
        }
    }

    @Override
    public Optional<EmbeddingProvider> embeddings() {
        return Optional.ofNullable(embedding);
    }

    // --- AssistantContext

    @Override
    public AssistantStore store() {
        return store;
    }

    @Override
    public SearchService search() {
        return search;
    }

    @Override
    public KnowledgeService knowledge() {
        return knowledge;
    }

    @Override
    public EntityService entities() {
        return entities;
    }

    @Override
    public ReportService reports() {
        return reports;
    }

    @Override
    public SourceService sources() {
        return sources;
    }

    @Override
    public SyncService syncs() {
        return syncs;
    }

    @Override
    public AssistantConfig config() {
        return config;
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
        return offlineAnswerer;
    }

    @Override
    public List<AiProvider> aiProviders() {
        List<Map.Entry<AiProvider, Map<String, Object>>> entries = new ArrayList<>(bound.entrySet());
        entries.sort(Comparator.<Map.Entry<AiProvider, Map<String, Object>>>comparingInt(e -> -ranking(e.getValue()))
                .thenComparing(e -> e.getKey().name()));
        List<AiProvider> all = new ArrayList<>();
        all.add(offline);
        entries.forEach(e -> all.add(e.getKey()));
        return all;
    }

    // The framework only honours an Integer ranking; a ranking copied from a .cfg file may arrive as text, so accept both.
    static int ranking(Map<String, Object> properties) {
        Object r = properties == null ? null : properties.get(Constants.SERVICE_RANKING);
        if (r instanceof Number n) {
            return n.intValue();
        }
        if (r instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    @Override
    public AiProvider provider(String name) {
        List<AiProvider> all = aiProviders();
        if (name != null && !name.isBlank()) {
            return all.stream().filter(p -> p.name().equals(name.trim())).findFirst().orElseThrow(() -> new ApiException(ApiException.Reason.INVALID,
                    "unknown_provider", "provider", "No provider named '" + name.trim() + "'; known: "
                            + all.stream().map(AiProvider::name).toList(), null));
        }
        String configured = config.provider();
        if (configured != null && !configured.isBlank()) {
            Optional<AiProvider> p = all.stream().filter(x -> x.name().equals(configured.trim()) && x.problem() == null).findFirst();
            if (p.isPresent()) {
                return p.get();
            }
            if (!configured.trim().equals(missingDefault)) {
                missingDefault = configured.trim();
                LOG.warn("The default provider '{}' of enreach.assistant.cfg is not available or misconfigured; using the next one",
                        missingDefault);
            }
        }
        // the first generating provider that is configured right (a misconfigured one is listed, never picked)
        return all.stream().skip(1).filter(x -> x.problem() == null).findFirst().orElse(offline);
    }

    // --- AssistantService

    @Override
    public Answer ask(AskRequest request, AnswerListener listener, String actor) {
        return engine.ask(request, listener == null ? AnswerListener.NONE : listener, actor);
    }

    @Override
    public List<ProviderInfo> providers() {
        return engine.providers();
    }

    @Override
    public Page<Conversation> conversations(String actor, int limit, int offset) {
        return engine.conversations(actor, limit, offset);
    }

    @Override
    public Optional<ConversationDetail> conversation(long id, String actor) {
        return engine.conversation(id, actor);
    }

    @Override
    public boolean deleteConversation(long id, String actor) {
        return engine.deleteConversation(id, actor);
    }

    @Override
    public Suggestion suggest(SuggestRequest request, String actor) {
        return resolver.suggest(request, actor);
    }

    @Override
    public Optional<Suggestion> suggestion(long id) {
        return resolver.suggestion(id);
    }

    @Override
    public SuggestionFeedback feedback(long suggestionId, boolean helpful, String comment, String actor) {
        return resolver.feedback(suggestionId, helpful, comment, actor);
    }

    @Override
    public KbAnalysis analyzeKnowledgeBase(KbAnalysisRequest request, String actor) {
        return analyzer.analyze(request, actor);
    }

    @Override
    public Page<AiAuditEntry> audit(int limit, int offset) {
        return store.audits(limit, offset);
    }
}
