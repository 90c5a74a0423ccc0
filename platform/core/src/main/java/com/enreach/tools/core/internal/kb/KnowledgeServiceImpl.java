package com.enreach.tools.core.internal.kb;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.enreach.tools.api.Page;
import com.enreach.tools.api.kb.Article;
import com.enreach.tools.api.kb.ArticleDetail;
import com.enreach.tools.api.kb.ArticleQuery;
import com.enreach.tools.api.kb.KnowledgeService;
import com.enreach.tools.api.kb.LinkedContent;
import com.enreach.tools.api.kb.Ticket;
import com.enreach.tools.api.kb.TicketDetail;
import com.enreach.tools.api.kb.TicketQuery;
import com.enreach.tools.api.vector.EmbeddingProvider;
import com.enreach.tools.core.internal.db.Database;

/**
 * Cached articles and tickets on the read pool, with the entities they mention. The installed embedding provider, when
 * there is one, decides which vectors are current (its model name@version).
 */
@Component(service = KnowledgeService.class)
public class KnowledgeServiceImpl implements KnowledgeService {
    private final ArticleReads articles;
    private final TicketReads tickets;
    private final EntityMentions mentions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile EmbeddingProvider provider;

    @Activate
    public KnowledgeServiceImpl(@Reference Database db) {
        this.mentions = new EntityMentions(db);
        this.articles = new ArticleReads(db, this::model, mentions);
        this.tickets = new TicketReads(db, this::model, mentions);
    }

    /** For tests: with a fixed provider (or none). */
    public KnowledgeServiceImpl(Database db, EmbeddingProvider provider) {
        this(db);
        this.provider = provider;
    }

    /** The installed model as embeddings store it ("name@version"), or null when no provider is installed. */
    private String model() {
        EmbeddingProvider p = provider;
        return p == null ? null : p.model() + "@" + p.modelVersion();
    }

    @Override
    public Page<Article> articles(ArticleQuery query) {
        return articles.list(query);
    }

    @Override
    public Optional<ArticleDetail> article(long id) {
        return articles.get(id);
    }

    @Override
    public Page<Ticket> tickets(TicketQuery query) {
        return tickets.list(query);
    }

    @Override
    public Optional<TicketDetail> ticket(long id) {
        return tickets.get(id);
    }

    @Override
    public Optional<TicketDetail> ticketByKey(String key) {
        return tickets.byKey(key);
    }

    @Override
    public List<LinkedContent> contentAbout(long entityId, int limit) {
        return mentions.about(entityId, limit);
    }
}
