package com.enreach.tools.plugin.netbox.api.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.TokenService;
import com.enreach.tools.api.inventory.EntityService;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The NetBox-compatible read API at {@code /netbox/*} of the platform's HTTP port (a servlet of the HTTP whiteboard,
 * beside the REST whiteboard's {@code /api}). Every request needs a platform token, given the NetBox way
 * ({@code Authorization: Token <key>}) or as the platform's {@code Bearer <key>}; any role may read. Only the API root
 * is open (see {@link #isRoot}).
 */
@Component(service = Servlet.class, configurationPid = "enreach.netbox.api", configurationPolicy = ConfigurationPolicy.OPTIONAL,
        property = {"osgi.http.whiteboard.servlet.pattern=/netbox/*", "osgi.http.whiteboard.servlet.name=enreach-netbox-read-api"})
@Designate(ocd = ReadApiConfig.class)
public class NetBoxApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String NO_CREDENTIALS = "Authentication credentials were not provided.";
    static final String INVALID_TOKEN = "Invalid token";

    private final transient TokenService tokens;
    private final transient NetBoxApi api;

    @Activate
    public NetBoxApiServlet(@Reference EntityService entities, @Reference TokenService tokens, ReadApiConfig config) {
        this(tokens, new NetBoxApi(new Inventory(entities, Clock.systemUTC(), Duration.ofSeconds(Math.max(1, Math.min(3600, config.cache_seconds()))))));
    }

    NetBoxApiServlet(TokenService tokens, NetBoxApi api) {
        this.tokens = tokens;
        this.api = api;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String base = request.getScheme() + "://" + host(request) + request.getContextPath() + request.getServletPath();
        Request r = new Request(request.getMethod(), path, Request.parse(request.getQueryString()), base);
        Response answer = (isRoot(path) ? Optional.<Response>empty() : authenticate(request.getHeader("Authorization")))
                .orElseGet(() -> api.handle(r));
        write(response, answer, !"HEAD".equals(request.getMethod()));
    }

    /**
     * The API root (the list of apps and the {@code API-Version} header) is open, as pynetbox reads the version from it
     * without sending its token; it holds no data.
     */
    static boolean isRoot(String path) {
        return path.equals("/api") || path.equals("/api/");
    }

    /** NetBox's 403 when the token is missing or unknown, else empty (go on). */
    Optional<Response> authenticate(String header) {
        if (header == null || header.isBlank()) {
            return Optional.of(Response.detail(403, NO_CREDENTIALS));
        }
        String h = header.trim();
        String secret = null;
        for (String scheme : new String[] {"Token ", "Bearer "}) {
            if (h.regionMatches(true, 0, scheme, 0, scheme.length())) {
                secret = h.substring(scheme.length()).trim();
            }
        }
        if (secret == null || secret.isEmpty()) {
            return Optional.of(Response.detail(403, "Use 'Authorization: Token <key>' (or 'Bearer <key>') with a platform token."));
        }
        Optional<ApiToken> token = tokens.authenticate(secret);
        return token.isPresent() ? Optional.empty() : Optional.of(Response.detail(403, INVALID_TOKEN));
    }

    private static String host(HttpServletRequest request) {
        String host = request.getHeader("Host");
        return host == null || host.isBlank() ? request.getServerName() + ":" + request.getServerPort() : host;
    }

    private static void write(HttpServletResponse response, Response answer, boolean body) throws IOException {
        response.setStatus(answer.status());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        for (Map.Entry<String, String> h : answer.headers().entrySet()) {
            response.setHeader(h.getKey(), h.getValue());
        }
        if (body) {
            Render.JSON.writeValue(response.getOutputStream(), answer.body());
        }
    }
}
