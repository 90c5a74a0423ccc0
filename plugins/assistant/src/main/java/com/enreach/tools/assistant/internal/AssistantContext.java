package com.enreach.tools.assistant.internal;

import java.util.List;

import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.SyncService;
import com.enreach.tools.api.ai.AiProvider;
import com.enreach.tools.api.ai.AssistantStore;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.inventory.ReportService;
import com.enreach.tools.api.kb.KnowledgeService;
import com.enreach.tools.api.kb.SearchService;

/**
 * What the assistant's parts share: the platform services and the providers bound right now. Implemented by
 * {@link AssistantComponent}; tests implement it with fakes.
 */
public interface AssistantContext {
    AssistantStore store();

    SearchService search();

    KnowledgeService knowledge();

    EntityService entities();

    ReportService reports();

    SourceService sources();

    SyncService syncs();

    /** The built-in offline provider first, then every bound provider service, by ranking then name. */
    List<AiProvider> aiProviders();

    /**
     * The provider to use: {@code name} when given (ApiException INVALID on field {@code provider} when unknown),
     * else the configured default, else the first generating provider, else the offline one.
     */
    AiProvider provider(String name);

    AssistantConfig config();

    /** The sentence-embedding model when its plugin is installed (for similarity between texts), else empty. */
    java.util.Optional<com.enreach.tools.api.vector.EmbeddingProvider> embeddings();

    /** The inventory and knowledge tools. */
    com.enreach.tools.assistant.internal.tools.Toolbox tools();

    /** Redaction, fencing and audited provider calls. */
    com.enreach.tools.assistant.internal.engine.Guard guard();

    /** The offline provider's extractive answers. */
    com.enreach.tools.assistant.internal.offline.OfflineAnswerer offlineAnswerer();
}
