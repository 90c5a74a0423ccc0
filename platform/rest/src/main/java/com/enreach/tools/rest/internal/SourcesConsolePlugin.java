package com.enreach.tools.rest.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.owasp.encoder.Encode;

import com.enreach.tools.api.ConnectionStatus;
import com.enreach.tools.api.SourceInstance;
import com.enreach.tools.api.SourceService;
import com.enreach.tools.api.plugin.FieldError;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Web console page "Enreach sources": every source instance with its configuration errors, its last connection
 * check and its last sync, so an administrator sees in one place why a source is not syncing. Secrets are never
 * shown (the configuration is the redacted one the API serves).
 */
@Component(service = Servlet.class, property = {
    ServletConstants.PLUGIN_LABEL + "=enreach-sources",
    ServletConstants.PLUGIN_TITLE + "=Enreach sources",
    ServletConstants.PLUGIN_CATEGORY + "=Enreach"})
public class SourcesConsolePlugin extends AbstractServlet {
    private static final long serialVersionUID = 1L;

    @Reference
    transient SourceService sources;

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter w = response.getWriter();
        List<SourceInstance> list = sources.sources();
        w.println("<p class='statline'>" + list.size() + " source instances. Configure them with files etc/source.&lt;kind&gt;-&lt;name&gt;.cfg"
                + " (or the Configuration tab); check and sync them with <code>bin/enreach sources check</code> and <code>bin/enreach sync</code>.</p>");
        w.println("<table class='tablesorter nicetable'><thead><tr><th>Instance</th><th>Kind</th><th>Plugin</th><th>Configuration</th>"
                + "<th>Connection</th><th>Last sync</th><th>Devices (active / stale)</th><th>Settings</th></tr></thead><tbody>");
        for (SourceInstance s : list) {
            w.println("<tr>");
            cell(w, s.instance());
            cell(w, s.displayName() + " (" + s.kind() + ")");
            cell(w, s.present() ? (s.enabled() ? "present" : "present, disabled") : "absent (data kept)");
            cell(w, s.configErrors().isEmpty() ? "valid" : errors(s.configErrors()));
            cell(w, connection(s.connection()));
            cell(w, s.lastStatus() == null ? "never" : s.lastStatus() + " (run " + s.lastRunId() + ")"
                    + (s.lastSuccess() == null ? "" : ", last success " + s.lastSuccess()) + (s.runningRunId() == null ? "" : ", running run " + s.runningRunId()));
            cell(w, s.activeDevices() + " / " + s.staleDevices());
            cell(w, settings(s.config()));
            w.println("</tr>");
        }
        w.println("</tbody></table>");
    }

    private static void cell(PrintWriter w, String text) {
        w.print("<td>" + Encode.forHtml(text) + "</td>");
    }

    private static String errors(List<FieldError> errors) {
        return errors.stream().map(e -> (e.field() == null ? "" : e.field() + ": ") + e.message() + " [" + e.code() + "]")
                .collect(Collectors.joining("; "));
    }

    private static String connection(ConnectionStatus c) {
        if (c == null) {
            return "not checked";
        }
        String when = " (" + (c.checkedAt() == null ? "" : Instant.from(c.checkedAt()).toString()) + ")";
        return (c.ok() ? "ok: " + c.detail() : "failed: " + errors(c.errors())) + when;
    }

    private static String settings(Map<String, Object> config) {
        return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
