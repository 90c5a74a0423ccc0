package com.enreach.tools.netbox.sandbox;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The double as a servlet, served under any prefix (e.g. {@code /demo-netbox/*}: the API is then at
 * {@code /demo-netbox/api/...} and answers carry absolute URLs under that prefix).
 */
public class NetBoxDoubleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient NetBoxDouble netbox;

    public NetBoxDoubleServlet(NetBoxDouble netbox) {
        this.netbox = netbox;
    }

    public NetBoxDouble netbox() {
        return netbox;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, req.getHeader(name));
        }
        String body = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String base = req.getScheme() + "://" + req.getHeader("Host") + req.getContextPath() + req.getServletPath();
        if (req.getHeader("Host") == null) {
            base = req.getScheme() + "://" + req.getServerName() + ":" + req.getServerPort() + req.getContextPath() + req.getServletPath();
        }
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        NetBoxResponse r;
        try {
            r = netbox.handle(new NetBoxRequest(req.getMethod(), base, path, req.getQueryString(), headers, body));
        } catch (ConnectionDropped dropped) {
            throw new IOException(dropped.getMessage(), dropped); // the container aborts the answer
        }
        resp.setStatus(r.status());
        r.headers().forEach(resp::setHeader);
        if (!r.body().isEmpty() && r.status() != 204) {
            resp.setCharacterEncoding("UTF-8");
            resp.getOutputStream().write(r.body().getBytes(StandardCharsets.UTF_8));
        }
    }
}
