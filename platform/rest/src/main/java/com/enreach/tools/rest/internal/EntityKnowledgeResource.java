package com.enreach.tools.rest.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.kb.KnowledgeService;
import com.enreach.tools.api.kb.LinkedContent;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The articles and tickets that mention an entity (by its names, FQDNs and IP addresses), newest first. */
@Component(service = EntityKnowledgeResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("entities/{id}/knowledge")
@Produces(MediaType.APPLICATION_JSON)
public class EntityKnowledgeResource {
    static final int DEFAULT_LIMIT = 20;

    @Reference
    KnowledgeService knowledge;

    @GET
    public List<LinkedContent> list(@PathParam("id") String id, @QueryParam("limit") String limit) {
        return knowledge.contentAbout(Params.id("id", id), Params.integer("limit", limit, DEFAULT_LIMIT, 1, Params.MAX_LIMIT));
    }
}
