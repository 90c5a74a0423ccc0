package com.enreach.tools.rest.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.ai.AiAuditEntry;
import com.enreach.tools.api.ai.Answer;
import com.enreach.tools.api.ai.AskRequest;
import com.enreach.tools.api.ai.AssistantService;
import com.enreach.tools.api.ai.Conversation;
import com.enreach.tools.api.ai.ConversationDetail;
import com.enreach.tools.api.ai.ProviderInfo;
import com.enreach.tools.api.ai.SuggestRequest;
import com.enreach.tools.api.ai.Suggestion;
import com.enreach.tools.api.ai.SuggestionFeedback;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.jakarta.rs.annotation.JacksonFeatures;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The assistant: questions (JSON or server-sent events), providers, the caller's conversations, suggested resolutions
 * with feedback, and the audit of provider calls (admin). Bodies and parameters are checked first (400 naming the
 * field), then the service: without the assistant plugin every route is a 503 naming it.
 */
@Component(service = AssistantResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("ai")
@Produces(MediaType.APPLICATION_JSON)
public class AssistantResource {
    static final int MAX_COMMENT = 2000;
    static final int MAX_TEXT = 20000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile AssistantService assistant;

    /** Body of {@code POST /ai/query}. */
    public record QueryRequest(String question, Long conversationId, String scope, String provider) {
    }

    /** Body of {@code POST /ai/suggestions}: exactly one of {@code ticket_key} and {@code text}. */
    public record SuggestBody(String ticketKey, String text, String provider) {
    }

    /** Body of {@code POST /ai/suggestions/{id}/feedback}. */
    public record FeedbackBody(Boolean helpful, String comment) {
    }

    /** {@code {results: [...]}}. */
    public record Results<T>(List<T> results) {
    }

    /** Asks a question; {@code Accept: text/event-stream} streams the progress and ends with the answer. Viewer. */
    @POST
    @Path("query")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({MediaType.APPLICATION_JSON, MediaType.SERVER_SENT_EVENTS})
    @RequiresRole(Role.VIEWER)
    @Answers(status = 200, value = Answer.class)
    public Response query(@JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) QueryRequest body,
                          @Context HttpHeaders headers, @Context ContainerRequestContext request, @Context Configuration config) {
        AskRequest ask = askRequest(body);
        String actor = Caller.name(request);
        AssistantService s = AssistantRoutes.require(assistant);
        if (wantsEvents(headers)) {
            // once the stream has started its status is 200: refuse what can be refused now, with its 4xx
            if (ask.conversationId() != null && s.conversation(ask.conversationId(), actor).isEmpty()) {
                throw ApiException.notFound("conversation", ask.conversationId().toString());
            }
            if (ask.provider() != null && s.providers().stream().noneMatch(p -> p.name().equals(ask.provider()))) {
                throw ApiException.invalid("provider", "no provider named '" + ask.provider() + "' (GET /api/ai/providers lists them)");
            }
            return Response.ok(new AnswerStream(s, ask, actor, AnswerStream.bufferSize(config)), MediaType.SERVER_SENT_EVENTS_TYPE)
                    .header("Cache-Control", "no-cache").header("X-Accel-Buffering", "no").build();
        }
        return Response.ok(s.ask(ask, null, actor), MediaType.APPLICATION_JSON_TYPE).build();
    }

    static AskRequest askRequest(QueryRequest body) {
        if (body == null) {
            throw ApiException.invalid(null, "send a JSON body {\"question\": \"...\", \"conversation_id\": 12, \"scope\": \"all\", \"provider\": \"...\"}");
        }
        String question = Params.required("question", body.question());
        if (question.length() > AskRequest.MAX_QUESTION) {
            throw ApiException.invalid("question", "question must be at most " + AskRequest.MAX_QUESTION + " characters, got " + question.length());
        }
        if (body.conversationId() != null && body.conversationId() < 1) {
            throw ApiException.invalid("conversation_id", "conversation_id must be a positive whole number, got " + body.conversationId());
        }
        return new AskRequest(question, body.conversationId(), Params.oneOf("scope", body.scope(), AssistantRoutes.SCOPES),
                Params.text(body.provider()));
    }

    static boolean wantsEvents(HttpHeaders headers) {
        return headers != null && headers.getAcceptableMediaTypes().stream()
                .anyMatch(m -> !m.isWildcardType() && !m.isWildcardSubtype() && m.isCompatible(MediaType.SERVER_SENT_EVENTS_TYPE));
    }

    @GET
    @Path("providers")
    public Results<ProviderInfo> providers() {
        return new Results<>(AssistantRoutes.require(assistant).providers());
    }

    /** The caller's own conversations, newest first. */
    @GET
    @Path("conversations")
    public Envelope<Conversation> conversations(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                                @Context UriInfo uri, @Context ContainerRequestContext request) {
        int l = Params.limit(limit);
        int o = Params.offset(offset);
        String actor = Caller.name(request);
        return Params.envelope(AssistantRoutes.require(assistant).conversations(actor, l, o), uri);
    }

    @GET
    @Path("conversations/{id}")
    public ConversationDetail conversation(@PathParam("id") String id, @Context ContainerRequestContext request) {
        long cid = Params.id("id", id);
        String actor = Caller.name(request);
        return AssistantRoutes.require(assistant).conversation(cid, actor)
                .orElseThrow(() -> ApiException.notFound("conversation", Long.toString(cid)));
    }

    /** Deletes one of the caller's conversations with its messages. Viewer: it is their own. */
    @DELETE
    @Path("conversations/{id}")
    @RequiresRole(Role.VIEWER)
    public Response deleteConversation(@PathParam("id") String id, @Context ContainerRequestContext request) {
        long cid = Params.id("id", id);
        String actor = Caller.name(request);
        if (!AssistantRoutes.require(assistant).deleteConversation(cid, actor)) {
            throw ApiException.notFound("conversation", Long.toString(cid));
        }
        return Response.noContent().build();
    }

    @POST
    @Path("suggestions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.VIEWER)
    @Answers(status = 201, value = Suggestion.class)
    public Response suggest(@JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) SuggestBody body,
                            @Context ContainerRequestContext request) {
        if (body == null) {
            throw ApiException.invalid(null, "send a JSON body {\"ticket_key\": \"OPS-12\"} or {\"text\": \"the problem\"}, optionally \"provider\"");
        }
        String key = Params.text(body.ticketKey());
        String text = Params.text(body.text());
        if ((key == null) == (text == null)) {
            throw ApiException.invalid(key == null ? "ticket_key" : "text", "give exactly one of ticket_key and text");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw ApiException.invalid("text", "text must be at most " + MAX_TEXT + " characters, got " + text.length());
        }
        String actor = Caller.name(request);
        Suggestion s = AssistantRoutes.require(assistant).suggest(new SuggestRequest(key, text, Params.text(body.provider())), actor);
        return Response.status(201).entity(s).build();
    }

    @GET
    @Path("suggestions/{id}")
    public Suggestion suggestion(@PathParam("id") String id) {
        long sid = Params.id("id", id);
        return AssistantRoutes.require(assistant).suggestion(sid)
                .orElseThrow(() -> ApiException.notFound("suggestion", Long.toString(sid)));
    }

    @POST
    @Path("suggestions/{id}/feedback")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.VIEWER)
    @Answers(status = 201, value = SuggestionFeedback.class)
    public Response feedback(@PathParam("id") String id,
                             @JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) FeedbackBody body,
                             @Context ContainerRequestContext request) {
        long sid = Params.id("id", id);
        if (body == null || body.helpful() == null) {
            throw ApiException.invalid("helpful", "helpful is required: send {\"helpful\": true or false, \"comment\": \"...\"}");
        }
        String comment = Params.text(body.comment());
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw ApiException.invalid("comment", "comment must be at most " + MAX_COMMENT + " characters, got " + comment.length());
        }
        String actor = Caller.name(request);
        SuggestionFeedback f = AssistantRoutes.require(assistant).feedback(sid, body.helpful(), comment, actor);
        return Response.status(201).entity(f).build();
    }

    /** What was sent to which provider: admin only. */
    @GET
    @Path("audit")
    @RequiresRole(Role.ADMIN)
    public Envelope<AiAuditEntry> audit(@QueryParam("limit") String limit, @QueryParam("offset") String offset, @Context UriInfo uri) {
        int l = Params.limit(limit);
        int o = Params.offset(offset);
        return Params.envelope(AssistantRoutes.require(assistant).audit(l, o), uri);
    }
}
