package com.enreach.tools.plugin.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.netbox.sandbox.NetBoxDouble;
import com.enreach.tools.netbox.sandbox.NetBoxDoubleServlet;

/**
 * The double's servlet as the demo serves it: labelled as a sandbox, its state saved after every write (in the
 * request's thread: the plugin starts none of its own), or a clear 503 when its configuration is wrong.
 */
final class SandboxServlet extends NetBoxDoubleServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServlet.class);
    static final String LABEL_HEADER = "X-Enreach-Demo-Sandbox";
    static final String LABEL = "Enreach Tools demo NetBox sandbox - not a real NetBox";

    private final transient Path snapshot;
    private final String problem;

    private SandboxServlet(NetBoxDouble netbox, Path snapshot, String problem) {
        super(netbox);
        this.snapshot = snapshot;
        this.problem = problem;
    }

    static SandboxServlet open(String token, String handToken, DemoSettings estate, Path snapshot) {
        try {
            return new SandboxServlet(DemoNetBoxSandbox.open(token, handToken, estate, snapshot), snapshot, null);
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            LOG.error("The demo NetBox sandbox cannot start from {}: {}", snapshot, e.getMessage());
            // the answer is public: the file's name, not where the home is
            return misconfigured("cannot read or write the sandbox's snapshot " + snapshot.getFileName() + " (snapshot= in etc/"
                    + DemoNetBoxSandbox.PID + ".cfg): " + e.getClass().getSimpleName() + " (details in the log; delete it to start again from the seed)");
        }
    }

    static SandboxServlet misconfigured(String problem) {
        return new SandboxServlet(new NetBoxDouble(), null, problem);
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader(LABEL_HEADER, LABEL);
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        if (problem != null) {
            answer(resp, 503, "application/json", "{\"detail\":\"" + problem.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
            return;
        }
        if ("/".equals(path)) {
            answer(resp, 200, "text/plain", LABEL + ".\nIts API is at " + req.getContextPath() + req.getServletPath()
                    + "/api/ (token: .password in etc/" + DemoNetBoxSandbox.PID + ".cfg); its state is kept in the file named by snapshot="
                    + " there.\nSeeded from the demo estate as a hand-filled, partly drifted NetBox: see docs/demo.md.\n");
            return;
        }
        super.service(req, resp);
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod()) && resp.getStatus() < 300) {
            persist();
        }
    }

    /** Saves the state (after a write, and when the sandbox stops). */
    void persist() {
        if (snapshot == null) {
            return;
        }
        try {
            netbox().save(snapshot);
        } catch (IOException e) {
            LOG.error("The demo NetBox sandbox could not save its state to {}: {}", snapshot, e.getMessage());
        }
    }

    private static void answer(HttpServletResponse resp, int status, String type, String body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(type + "; charset=utf-8");
        resp.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
