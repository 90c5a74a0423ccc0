package com.enreach.tools.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Change;
import com.enreach.tools.api.ChangeFeed;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The change feed for consumers outside the container: read on from the last position handled. */
@Component(service = ChangeResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {
    @Reference
    ChangeFeed feed;

    @GET
    public Map<String, Object> read(@QueryParam("after") String after, @QueryParam("limit") String limit) {
        long from = after == null || after.isBlank() ? 0 : position(after);
        List<Change> results = feed.read(from, Params.limit(limit));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("oldest_position", feed.oldestPosition());
        m.put("latest_position", feed.latestPosition());
        m.put("next_after", results.isEmpty() ? from : results.get(results.size() - 1).position());
        m.put("results", results);
        return m;
    }

    private static long position(String value) {
        try {
            long v = Long.parseLong(value.trim());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("after", "after must be a position (a whole number, 0 or more), got '" + value + "'");
    }
}
