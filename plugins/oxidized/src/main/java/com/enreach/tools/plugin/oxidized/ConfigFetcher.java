package com.enreach.tools.plugin.oxidized;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.enreach.tools.api.spi.ConfigRecord;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.SourceHttp;

/**
 * Fetches each node's stored configuration, one request at a time. A node whose configuration cannot be had is
 * a warning: the devices are already emitted and the run still completes. Failures that say oxidized-web itself
 * is gone (credentials, TLS, connection refused) end the run instead of warning once per node.
 */
final class ConfigFetcher {
    private static final Set<String> FATAL = Set.of("auth", "tls", "unreachable", "io", "config", "cancelled", "interrupted");
    /** The output module's answer (status 200) for a node that has no stored configuration yet. */
    private static final String NO_CONFIG_TEXT = "node not found";
    /**
     * oxidized-web's answer, with status 200, for a node its node list does not hold (its NodeNotFound error as
     * text), e.g. one removed from the router.db after we read /nodes.json. Never a 404.
     */
    private static final Pattern UNKNOWN_NODE_TEXT = Pattern.compile("unable to find '[^'\\n]*'");
    private static final int PHASE_EVERY = 50;

    private final SourceHttp http;
    private final SourceContext context;
    private final RecordSink sink;

    ConfigFetcher(SourceHttp http, SourceContext context, RecordSink sink) {
        this.http = http;
        this.context = context;
        this.sink = sink;
    }

    void fetchAll(List<OxidizedNode> nodes) throws SourceException {
        for (int i = 0; i < nodes.size(); i++) {
            Checks.notCancelled(context, "The Oxidized run was cancelled");
            if (i % PHASE_EVERY == 0) {
                sink.phase("configs " + (i + 1) + "/" + nodes.size());
            }
            fetch(nodes.get(i));
        }
    }

    private void fetch(OxidizedNode node) throws SourceException {
        String path = node.fetchPath();
        String part = "(node " + node.sourceId() + ")";
        HttpResponse<byte[]> r;
        try {
            r = context.call("GET " + path + " " + part,
                    () -> http.send(http.request(path).header("Accept", "text/plain").GET().build(), part));
        } catch (SourceException e) {
            if (FATAL.contains(e.code())) {
                throw e;
            }
            sink.warn(node.sourceId(), "configuration not fetched: " + e.userMessage());
            return;
        }
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        String text = new String(r.body(), StandardCharsets.UTF_8);
        String problem = problem(contentType, text);
        if (problem != null) {
            sink.warn(node.sourceId(), problem);
            return;
        }
        sink.config(new ConfigRecord(node.sourceId(), text, node.configTakenAt()));
    }

    /** Why a 200 answer is not a configuration, or null when it is one. */
    static String problem(String contentType, String text) {
        if (contentType.contains("html")) {
            return "oxidized-web answered an HTML page instead of the configuration (check url)";
        }
        if (text.isBlank()) {
            return "oxidized has no stored configuration for this node yet";
        }
        String trimmed = text.trim();
        if (trimmed.equals(NO_CONFIG_TEXT)) {
            return "oxidized has no stored configuration for this node (\"" + trimmed + "\")";
        }
        if (UNKNOWN_NODE_TEXT.matcher(trimmed).matches()) {
            return "oxidized-web no longer knows this node (\"" + trimmed + "\": removed from its node source after the"
                    + " node list was read?); no configuration stored this run";
        }
        return null;
    }
}
