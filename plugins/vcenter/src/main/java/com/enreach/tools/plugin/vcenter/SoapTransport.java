package com.enreach.tools.plugin.vcenter;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLHandshakeException;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.HttpFailures;
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
        SoapFault fault = SoapReader.findFault(response.body());
        if (fault != null) {
            throw fault.toException("vCenter " + operation);
        }
        throw statusFailure(status, response.headers(), operation);
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

    /** vCenter's own word for a 404 (a wrong url is the usual cause); every other status as all sources classify it. */
    private static SourceException statusFailure(int status, HttpHeaders headers, String operation) {
        if (status == 404) {
            return new PermanentSourceException("not_found", "url", "vCenter answered 404 Not Found on " + PATH
                    + ": url must be the vCenter address, e.g. https://vc.example.com", null, null);
        }
        return HttpFailures.of("vCenter", "POST", PATH + " " + operation, status, headers, null, null);
    }
}
