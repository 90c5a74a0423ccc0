package com.enreach.tools.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.ai.AssistantService;
import com.enreach.tools.api.ai.KbAnalysis;
import com.enreach.tools.api.ai.KbAnalysisRequest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * Knowledge-base maintenance: gaps, outdated articles, duplicates. Viewer; {@code draft=true} asks a provider to draft
 * articles (text sent out, tokens spent), so it needs the operator role.
 */
@Component(service = KbAnalysisResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("kb/analysis")
@Produces(MediaType.APPLICATION_JSON)
public class KbAnalysisResource {
    static final int MAX_STALE_MONTHS = 600;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AssistantService assistant;

    @GET
    public KbAnalysis analyze(@QueryParam("stale_months") String staleMonths,
                              @QueryParam("duplicate_similarity") String duplicateSimilarity, @QueryParam("draft") String draft,
                              @QueryParam("provider") String provider, @Context ContainerRequestContext request) {
        int months = Params.integer("stale_months", staleMonths, 0, 1, MAX_STALE_MONTHS);
        double similarity = similarity(duplicateSimilarity);
        boolean drafts = bool("draft", draft);
        if (drafts) {
            AssistantRoutes.requireRole(request, Role.OPERATOR, "draft=true (drafting articles with a provider)");
        }
        String actor = Caller.name(request);
        return AssistantRoutes.require(assistant)
                .analyzeKnowledgeBase(new KbAnalysisRequest(months, similarity, drafts, Params.text(provider)), actor);
    }

    static double similarity(String value) {
        String v = Params.text(value);
        if (v == null) {
            return 0;
        }
        double d;
        try {
            d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("duplicate_similarity", "duplicate_similarity must be a number in (0, 1], got '" + v + "'");
        }
        if (!(d > 0 && d <= 1)) {
            throw ApiException.invalid("duplicate_similarity", "duplicate_similarity must be a number in (0, 1], got " + v);
        }
        return d;
    }

    static boolean bool(String name, String value) {
        String v = Params.text(value);
        if (v == null || v.equals("false")) {
            return false;
        }
        if (v.equals("true")) {
            return true;
        }
        throw ApiException.invalid(name, name + " must be true or false, got '" + v + "'");
    }
}
