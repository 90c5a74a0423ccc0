package com.enreach.tools.plugin.vcenter;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import javax.net.ssl.SSLHandshakeException;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.SourceHttp;

/**
 * Posts SOAP envelopes to {@code <url>/sdk}. vCenter answers faults with HTTP 500 and a SOAP body, so answers are
 * taken whatever their status and a readable fault wins over the status; anything else is classified like
 * {@link SourceHttp} does (5xx, 408 and 429 retryable, 401/403 auth, 404 a wrong url).
 */
final class SoapTransport {
    static final String PATH = "/sdk";

    private final SourceHttp http;
    private String apiVersion = "6.5";

    SoapTransport(SourceHttp http) {
        this.http = http;
    }

    /** The API version sent as SOAPAction; set from the server's about.apiVersion once known. */
    void apiVersion(String version) {
        if (version != null && version.matches("[0-9][0-9.]*")) {
            this.apiVersion = version;
        }
    }

    /**
     * Sends one request.
     *
     * @param operation what the request is, for messages ("RetrievePropertiesEx VirtualMachine page 3")
     * @return the body of a 2xx answer
     */
    byte[] post(String operation, String envelope) throws SourceException {
        HttpRequest request = http.request(PATH)
                .header("Content-Type", "text/xml; charset=utf-8")
                .header("SOAPAction", "\"urn:vim25/" + apiVersion + "\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response = send(request);
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        String where = "vCenter " + operation;
        SoapFault fault = SoapReader.findFault(response.body());
        if (fault != null) {
            throw fault.toException(where);
        }
        throw statusFailure(status, response.headers(), where, request.uri().getRawPath());
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws SourceException {
        try {
            return http.sendRaw(request);
        } catch (RetryableSourceException e) {
            throw untrustedCertificate(e) ? new PermanentSourceException("tls", "url", "TLS handshake with vCenter at "
                    + request.uri().getScheme() + "://" + request.uri().getAuthority() + " failed: the server certificate is not trusted"
                    + " (set ca.file to its CA, or insecure=true to skip verification)", e.getMessage(), e) : e;
        }
    }

    /**
     * SourceHttp looks only at the deepest cause, which for an unknown issuer is SunCertPathBuilderException, and
     * so calls it a retryable I/O error; an SSLHandshakeException anywhere in the chain is a permanent TLS failure.
     */
    private static boolean untrustedCertificate(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SSLHandshakeException) {
                return true;
            }
        }
        return false;
    }

    private static SourceException statusFailure(int status, HttpHeaders headers, String where, String path) {
        if (status == 401 || status == 403) {
            return new PermanentSourceException("auth", "username", "vCenter rejected the credentials (HTTP " + status + " on " + path + ")", null, null);
        }
        if (status == 404) {
            return new PermanentSourceException("not_found", "url", "vCenter answered 404 Not Found on " + path
                    + ": url must be the vCenter address, e.g. https://vc.example.com", null, null);
        }
        if (status == 429) {
            return new RetryableSourceException("rate_limited", where + " asked to slow down (HTTP 429)", null, retryAfter(headers), null);
        }
        if (status >= 500 || status == 408) {
            return new RetryableSourceException("unavailable", where + " failed with HTTP " + status, null, retryAfter(headers), null);
        }
        return new PermanentSourceException("http_" + status, null, where + " was refused with HTTP " + status, null, null);
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(HttpHeaders headers) {
        String v = headers.firstValue("Retry-After").map(String::trim).orElse(null);
        if (v == null || v.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime t = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(t.getZone()), t);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException e2) {
                return null;
            }
        }
    }
}
