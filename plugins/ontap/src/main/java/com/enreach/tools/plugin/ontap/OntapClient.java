package com.enreach.tools.plugin.ontap;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.HttpFailures;
import com.enreach.tools.source.support.SourceHttp;
import com.fasterxml.jackson.databind.JsonNode;

/** Single GETs against one cluster's REST API; retries are the caller's {@link SourceContext#call}. */
final class OntapClient {
    /**
     * Seconds ONTAP may spend filling one page. Its default (15 s) makes it return short or even empty pages on
     * slow filtered scans; a longer budget means fewer of them (they are followed all the same).
     */
    static final int RETURN_TIMEOUT_SECONDS = 60;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final SourceHttp http;
    private final int pageSize;

    OntapClient(SourceHttp http, int pageSize) {
        this.http = http;
        this.pageSize = pageSize;
    }

    /** The first page of a collection: exactly the fields we store, our page size, plus filters like {@code type=tree}. */
    String collectionHref(String path, List<String> fields, String extraQuery) {
        return path + "?fields=" + String.join(",", fields) + "&max_records=" + pageSize
                + "&return_timeout=" + RETURN_TIMEOUT_SECONDS + (extraQuery == null ? "" : "&" + extraQuery);
    }

    /** A lazily paged collection, one request per page. */
    RecordCursor collection(SourceContext context, RecordSink sink, String label, String path, List<String> fields,
            String extraQuery) {
        return new RecordCursor(this, context, sink, label, collectionHref(path, fields, extraQuery));
    }

    /** One GET of a path or a {@code _links.next.href}; any non-2xx is classified, any non-JSON body is malformed. */
    JsonNode get(String href) throws SourceException {
        return get(href, null);
    }

    /** {@link #get(String)} with failures naming the part of a larger read ("page 3"). */
    JsonNode get(String href, String part) throws SourceException {
        HttpRequest request;
        try {
            request = http.request(checkedHref(href)).header("Accept", "application/hal+json, application/json").GET().build();
        } catch (IllegalArgumentException e) {
            throw PermanentSourceException.malformed("ONTAP", "a next link is not a valid URL", e);
        }
        HttpResponse<byte[]> r = http.sendRaw(request);
        if (!HttpFailures.success(r.statusCode())) {
            throw OntapErrors.of(request.method(), request.uri().getRawPath() + (part == null ? "" : " " + part), r);
        }
        return http.parseJson(request, r, part);
    }

    /**
     * ONTAP's next links are paths on the same cluster. An absolute link elsewhere is refused: following it would
     * send the cluster credentials to another host.
     */
    private String checkedHref(String raw) throws SourceException {
        String href = escape(raw);
        if (href.startsWith("/")) {
            return href;
        }
        URI u;
        try {
            u = URI.create(href);
        } catch (IllegalArgumentException e) {
            throw PermanentSourceException.malformed("ONTAP", "a next link is not a valid URL", e);
        }
        if (u.getScheme() == null || u.getRawAuthority() == null) {
            throw PermanentSourceException.malformed("ONTAP", "a next link is neither a path nor a URL", null);
        }
        URI base = http.base();
        if (base.getScheme().equalsIgnoreCase(u.getScheme()) && base.getRawAuthority().equalsIgnoreCase(u.getRawAuthority())) {
            return href;
        }
        throw PermanentSourceException.malformed("ONTAP", "a next link points to another host ("
                + u.getScheme() + "://" + u.getHost() + "); not followed", null);
    }

    /**
     * Percent-encodes what may not appear raw in a URI (spaces, non-ASCII names in start.* keys of next links),
     * leaving existing escapes and URI syntax alone.
     */
    static String escape(String href) {
        StringBuilder sb = new StringBuilder(href.length());
        for (byte b : href.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 15]);
            }
        }
        return sb.toString();
    }
}
