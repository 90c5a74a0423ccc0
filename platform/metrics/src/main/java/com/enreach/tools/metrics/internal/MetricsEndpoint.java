package com.enreach.tools.metrics.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.TokenService;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /metrics} on the platform's HTTP port (a longer pattern than the UI's default servlet), or, with
 * {@code port} set, on a listener of its own ({@link SeparateListener}). Configured by {@code etc/enreach.metrics.cfg}
 * ({@link MetricsConfiguration}); a change re-registers it.
 */
@Component(service = Servlet.class, configurationPid = MetricsConfiguration.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL, property = {
        "osgi.http.whiteboard.servlet.pattern=/metrics",
        "osgi.http.whiteboard.servlet.name=enreach-metrics"})
@Designate(ocd = MetricsConfiguration.class)
public class MetricsEndpoint extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MetricsEndpoint.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile TokenService tokens;

    private final transient PrometheusMetrics metrics;
    private final transient ScrapeAccess access;
    private final int port;
    private final transient SeparateListener listener;

    @Activate
    public MetricsEndpoint(@Reference PrometheusMetrics metrics, MetricsConfiguration config) {
        this.metrics = metrics;
        this.access = new ScrapeAccess(ScrapeAccess.mode(config.auth()), () -> tokens);
        this.port = config.port();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: " + port + " is not a port number (0 = the platform's HTTP port) (" + MetricsConfiguration.PID + ")");
        }
        this.listener = port > 0 ? SeparateListener.start(config.host(), port, this::scrape) : null;
        LOG.info("/metrics served on {} with auth={}", port > 0 ? config.host() + ":" + port : "the platform's HTTP port",
                access.mode().name().toLowerCase(java.util.Locale.ROOT));
    }

    @Deactivate
    void deactivate() {
        if (listener != null) {
            listener.stop();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (port > 0) {
            response.setStatus(404);
            response.setContentType("application/json");
            response.getOutputStream().write(new ScrapeAccess.Refusal(404, "not_found", "/metrics is served on its own port (" + port + ")")
                    .json().getBytes(StandardCharsets.UTF_8));
            return;
        }
        Answer a = scrape(request.getHeader("Authorization"), request.getHeader("Accept"));
        response.setStatus(a.status());
        response.setContentType(a.contentType());
        response.setHeader("Cache-Control", "no-store");
        a.body().writeTo(response.getOutputStream());
    }

    /** A scrape's answer, whichever listener asked. */
    record Answer(int status, String contentType, Body body) {
    }

    /** Writes an answer's body. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    Answer scrape(String authorization, String accept) {
        ScrapeAccess.Refusal refused = access.check(authorization);
        if (refused != null) {
            byte[] json = refused.json().getBytes(StandardCharsets.UTF_8);
            return new Answer(refused.status(), "application/json", out -> out.write(json));
        }
        boolean openMetrics = accept != null && accept.contains("application/openmetrics-text");
        return new Answer(200, PrometheusMetrics.contentType(openMetrics), out -> metrics.scrape(out, openMetrics));
    }
}
