package com.enreach.tools.api.kb;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import com.enreach.tools.api.Page;

/** Reads the cached articles and tickets and their links to inventory entities. Implemented by the core. */
@ProviderType
public interface KnowledgeService {

    /** @throws com.enreach.tools.api.ApiException INVALID for an invalid filter */
    Page<Article> articles(ArticleQuery query);

    Optional<ArticleDetail> article(long id);

    /** @throws com.enreach.tools.api.ApiException INVALID for an invalid filter */
    Page<Ticket> tickets(TicketQuery query);

    Optional<TicketDetail> ticket(long id);

    /** A ticket by its key ({@code OPS-123}, case-insensitive); the newest active one when several instances hold it. */
    Optional<TicketDetail> ticketByKey(String key);

    /** The articles and tickets that mention an entity (by its names, FQDNs and IPs), newest first. */
    List<LinkedContent> contentAbout(long entityId, int limit);
}
