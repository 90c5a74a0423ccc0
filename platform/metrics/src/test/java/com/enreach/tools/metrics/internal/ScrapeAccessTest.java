package com.enreach.tools.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.TokenService;

class ScrapeAccessTest {

    @Test
    void anyValidTokenMayScrapeWithAuthToken() {
        TokenService tokens = Mockito.mock(TokenService.class);
        Mockito.when(tokens.authenticate("good")).thenReturn(Optional.of(Mockito.mock(ApiToken.class)));
        Mockito.when(tokens.authenticate("bad")).thenReturn(Optional.empty());
        ScrapeAccess a = new ScrapeAccess(ScrapeAccess.mode("token"), () -> tokens);
        assertNull(a.check("Bearer good"));
        assertNull(a.check("bearer good"));
        assertEquals("unauthenticated", a.check(null).code());
        assertEquals(401, a.check(null).status());
        assertEquals("unauthenticated", a.check("Basic Z29vZA==").code());
        assertEquals("invalid_token", a.check("Bearer bad").code());
        assertEquals(503, new ScrapeAccess(ScrapeAccess.Mode.TOKEN, () -> null).check("Bearer good").status());
    }

    @Test
    void authNoneLetsAnyoneScrapeAndAnUnknownModeIsRefused() {
        ScrapeAccess a = new ScrapeAccess(ScrapeAccess.mode(" NONE "), () -> null);
        assertNull(a.check(null));
        assertEquals(ScrapeAccess.Mode.TOKEN, ScrapeAccess.mode(null));
        assertThrows(IllegalArgumentException.class, () -> ScrapeAccess.mode("basic"));
    }

    @Test
    void refusalIsJson() {
        assertEquals("{\"error\":{\"code\":\"x\",\"message\":\"it's 'quoted'\"}}", new ScrapeAccess.Refusal(401, "x", "it's \"quoted\"").json());
    }
}
