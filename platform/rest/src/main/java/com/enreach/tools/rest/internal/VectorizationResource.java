package com.enreach.tools.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.kb.VectorizationService;
import com.enreach.tools.api.kb.VectorizationStatus;
import com.enreach.tools.api.kb.VectorizeResult;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.jakarta.rs.annotation.JacksonFeatures;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Vectorisation of the knowledge base: its status, a vectorisation on demand (answers when it is done; the status
 * shows its progress meanwhile), and a rebuild of the vector index from the stored vectors. A missing plugin is a
 * 503 (the service is not there), a vectorisation already running a 409.
 */
@Component(service = VectorizationResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("kb")
@Produces(MediaType.APPLICATION_JSON)
public class VectorizationResource {
    @Reference
    VectorizationService vectorization;

    /** {@code type}: article (kb) / ticket (issue), or absent for both; {@code retry_failed}: also retry contents that failed. */
    public record VectorizeRequest(String type, Boolean retryFailed) {
    }

    /** What a rebuild of the index wrote. */
    public record ReindexResult(long chunks) {
    }

    @GET
    @Path("vectorization")
    public VectorizationStatus status() {
        return vectorization.status();
    }

    @POST
    @Path("vectorize")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.OPERATOR)
    @Answers(status = 200, value = VectorizeResult.class)
    public Response vectorize(@JacksonFeatures(deserializationEnable = DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) VectorizeRequest body) {
        String type = body == null ? null : KbSearchResource.contentType(body.type());
        boolean retry = body != null && Boolean.TRUE.equals(body.retryFailed());
        return unavailableIs503(() -> Response.ok(vectorization.vectorize(type, retry, null), MediaType.APPLICATION_JSON).build());
    }

    @POST
    @Path("reindex")
    @RequiresRole(Role.OPERATOR)
    @Answers(status = 200, value = ReindexResult.class)
    public Response reindex() {
        return unavailableIs503(() -> Response.ok(new ReindexResult(vectorization.reindex()), MediaType.APPLICATION_JSON).build());
    }

    /** Elsewhere UNAVAILABLE is a 409 (a source that cannot run now); here the missing service itself is the cause. */
    private static Response unavailableIs503(java.util.function.Supplier<Response> work) {
        try {
            return work.get();
        } catch (ApiException e) {
            if (e.reason() == ApiException.Reason.UNAVAILABLE) {
                return ErrorBody.response(503, e.code(), e.getMessage(), e.field(), null);
            }
            throw e;
        }
    }
}
