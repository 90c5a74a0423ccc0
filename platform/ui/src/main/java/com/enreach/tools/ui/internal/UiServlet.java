package com.enreach.tools.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Component;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Serves the web UI from this bundle: the single page at {@code /} and its files under {@code /ui/}. It is the
 * default servlet of the HTTP whiteboard, so {@code /api} (the REST whiteboard) and {@code /system/console} keep their
 * own handlers, and a plugin's resources under {@code /ui/ext/<id>/} (a longer pattern) are served by the plugin.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/",
        "osgi.http.whiteboard.servlet.name=enreach-ui"})
public class UiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String API_UNAVAILABLE = "{\"error\":{\"code\":\"unavailable\",\"message\":\"The REST API is starting or restarting; retry shortly\"}}";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8", "svg", "image/svg+xml", "png", "image/png", "json", "application/json", "ico", "image/x-icon");

    /**
     * Requests under {@code /api} reach this default servlet only while the REST whiteboard is not registered
     * (starting, or rebuilding after a plugin came or went): answered as the API answers overload, not as a page.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = path(request);
        if (path.equals("/api") || path.startsWith("/api/")) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "1");
            response.setContentType("application/json");
            response.getWriter().write(API_UNAVAILABLE);
            return;
        }
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        String resource = resourceFor(path);
        URL url = resource == null ? null : UiServlet.class.getResource(resource);
        SecurityHeaders.apply(response);
        if (url == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No such page: " + path);
            return;
        }
        response.setContentType(TYPES.getOrDefault(extension(resource), "application/octet-stream"));
        // Revalidate every time: a new bundle version must show at once (the files are small).
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = url.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String info = request.getPathInfo() == null ? "" : request.getPathInfo();
        String p = servletPath + info;
        return p.isEmpty() ? "/" : p;
    }

    /** The bundle resource for a request path, or null when there is none to serve (never outside {@code /ui/}). */
    static String resourceFor(String path) {
        if (path.equals("/") || path.equals("/index.html")) {
            return "/ui/index.html";
        }
        if (!path.startsWith("/ui/") || path.contains("..") || path.contains("//") || path.contains("\\") || path.endsWith("/")) {
            return null;
        }
        return TYPES.containsKey(extension(path)) ? path : null;
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
