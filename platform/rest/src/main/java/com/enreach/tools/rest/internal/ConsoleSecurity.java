package com.enreach.tools.rest.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.apache.felix.webconsole.spi.SecurityProvider;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.TokenService;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web console's only way in: HTTP Basic with any user name and an admin API token as the password. The launcher
 * sets {@code felix.webconsole.security.providers=enreach}, so the console refuses every request until this provider
 * is registered: there is no default password.
 */
@Component(service = SecurityProvider.class, property = SecurityProvider.PROPERTY_ID + "=enreach")
public class ConsoleSecurity implements SecurityProvider {
    @Reference
    TokenService tokens;

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                String secret = colon < 0 ? decoded : decoded.substring(colon + 1);
                Optional<ApiToken> t = tokens.authenticate(secret);
                if (t.isPresent() && t.get().role() == Role.ADMIN) {
                    return t.get();
                }
            } catch (IllegalArgumentException e) {
                // not base64: ask again
            }
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"Enreach Tools console (password: an admin API token)\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        return null;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user instanceof ApiToken t && t.role() == Role.ADMIN;
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // stateless: nothing to end
    }
}
