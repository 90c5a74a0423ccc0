package com.enreach.tools.plugin.netbox.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.TokenService;

class NetBoxApiServletTest {
    private final TokenService tokens = new TokenService() {
        @Override
        public Optional<ApiToken> authenticate(String secret) {
            return "good".equals(secret) ? Optional.of(new ApiToken(1, "ansible", Role.VIEWER, "go", Instant.now(), null, null)) : Optional.empty();
        }

        @Override
        public Created create(String name, Role role) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiToken> list() {
            return List.of();
        }

        @Override
        public boolean revoke(long id) {
            return false;
        }
    };
    private final NetBoxApiServlet servlet = new NetBoxApiServlet(tokens,
            new NetBoxApi(new Inventory(new FakeEntities(), Clock.systemUTC(), Duration.ofSeconds(1))));

    @Test
    void netBoxTokenAndBearerAreAcceptedForAnyRole() {
        assertTrue(servlet.authenticate("Token good").isEmpty());
        assertTrue(servlet.authenticate("token  good ").isEmpty());
        assertTrue(servlet.authenticate("Bearer good").isEmpty());
    }

    @Test
    void missingOrBadTokensAre403LikeNetBox() {
        Response none = servlet.authenticate(null).orElseThrow();
        assertEquals(403, none.status());
        assertEquals("Authentication credentials were not provided.", none.body().path("detail").asText());
        Response bad = servlet.authenticate("Token wrong").orElseThrow();
        assertEquals(403, bad.status());
        assertEquals("Invalid token", bad.body().path("detail").asText());
        assertEquals(403, servlet.authenticate("Basic Zm9vOmJhcg==").orElseThrow().status());
        assertEquals(403, servlet.authenticate("Token ").orElseThrow().status());
    }

    @Test
    void onlyTheApiRootIsOpen() {
        assertTrue(NetBoxApiServlet.isRoot("/api/"));
        assertTrue(NetBoxApiServlet.isRoot("/api"));
        assertTrue(!NetBoxApiServlet.isRoot("/api/status/") && !NetBoxApiServlet.isRoot("/api/dcim/devices/"));
    }
}
