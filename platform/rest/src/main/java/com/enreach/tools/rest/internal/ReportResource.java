package com.enreach.tools.rest.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Page;
import com.enreach.tools.api.inventory.ReportInfo;
import com.enreach.tools.api.inventory.ReportResult;
import com.enreach.tools.api.inventory.ReportService;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Coverage and anomaly reports: the list, and one report's page of findings as JSON or, with {@code format=csv} or
 * {@code Accept: text/csv}, as CSV with a header row. Every query parameter other than limit, offset and format is
 * a parameter of the report (an unknown one is a 400 naming it).
 */
@Component(service = ReportResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {
    static final String CSV = "text/csv";
    /** A CSV export is the whole report unless limited: up to this many rows (the report service's own maximum). */
    static final int CSV_MAX_ROWS = 100_000;
    private static final Set<String> OWN = Set.of("limit", "offset", "format");

    @Reference
    ReportService reports;

    @Reference
    QueryGate gate;

    /** One page of a report as JSON: the report's result with the page's limit, offset and links. */
    public record ReportPage(String name, String title, Map<String, String> params, long total, int limit, int offset, String next, String previous,
                             List<String> columns, List<ReportResult.Row> rows, Instant generatedAt) {
    }

    @GET
    public Envelope<ReportInfo> list() {
        List<ReportInfo> all = reports.reports();
        return new Envelope<>(all.size(), null, null, all);
    }

    @GET
    @Path("{name}")
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Answers(status = 200, value = ReportPage.class)
    public Response run(@PathParam("name") String name, @QueryParam("limit") String limit, @QueryParam("offset") String offset,
                        @QueryParam("format") String format, @Context UriInfo uri, @Context HttpHeaders headers) {
        boolean csv = csv(Params.text(format), headers);
        int l = csv ? Params.integer("limit", limit, CSV_MAX_ROWS, 1, CSV_MAX_ROWS) : Params.limit(limit);
        int o = Params.offset(offset);
        Map<String, String> params = new LinkedHashMap<>();
        uri.getQueryParameters().forEach((k, values) -> {
            if (OWN.contains(k)) {
                return;
            }
            if (values.size() > 1) {
                throw ApiException.invalid(k, "the report parameter " + k + " is given " + values.size() + " times; give it once");
            }
            params.put(k, values.isEmpty() ? "" : values.get(0));
        });
        ReportResult r = gate.run(() -> reports.run(name, params, l, o));
        if (csv) {
            return Response.ok(ReportCsv.write(r), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + r.name().replaceAll("[^a-z0-9-]", "_") + ".csv\"").build();
        }
        Envelope<ReportResult.Row> links = Params.envelope(new Page<>(r.total(), l, o, r.rows()), uri);
        return Response.ok(new ReportPage(r.name(), r.title(), r.params(), r.total(), l, o, links.next(), links.previous(), r.columns(), r.rows(),
                r.generatedAt()), MediaType.APPLICATION_JSON).build();
    }

    /** {@code format} decides; without it, CSV when the client prefers text/csv to JSON. */
    static boolean csv(String format, HttpHeaders headers) {
        if (format != null) {
            if (format.equals("csv") || format.equals("json")) {
                return format.equals("csv");
            }
            throw ApiException.invalid("format", "format must be json or csv, got '" + format + "'");
        }
        for (MediaType m : headers == null ? List.<MediaType>of() : headers.getAcceptableMediaTypes()) {
            if (m.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false; // includes */*: JSON unless CSV is named first
            }
            if (m.getType().equals("text") && m.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }
}
