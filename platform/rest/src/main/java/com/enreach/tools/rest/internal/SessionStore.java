package com.enreach.tools.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

import com.enreach.tools.api.ApiException;

/**
 * Browser sessions of the web UI, in memory only (a restart signs everyone out). A session keeps the API token it was
 * opened with, so every request is authenticated through the token again: a revoked token ends its sessions at once.
 * Sessions expire after {@link #IDLE} without a request.
 */
@Component(service = SessionStore.class)
public class SessionStore {
    /** The session cookie's name. */
    static final String COOKIE = "enreach_session";
    /** The header a cookie-authenticated state-changing request must carry. */
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final Duration IDLE = Duration.ofMinutes(30);
    /** Bounds memory: past this many live sessions a sign-in is refused until some expire. */
    static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;

    public SessionStore() {
        this(Clock.systemUTC(), IDLE);
    }

    SessionStore(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    /** One signed-in browser. The token secret stays on the server and out of {@link #toString()}. */
    static final class Session {
        private final String id;
        private final String secret;
        private final String csrf;
        private volatile Instant lastUsed;

        private Session(String id, String secret, String csrf, Instant now) {
            this.id = id;
            this.secret = secret;
            this.csrf = csrf;
            this.lastUsed = now;
        }

        String id() {
            return id;
        }

        String secret() {
            return secret;
        }

        String csrfToken() {
            return csrf;
        }

        /** Constant-time comparison with the header a request sent (null or blank never matches). */
        boolean csrfMatches(String header) {
            return header != null && !header.isBlank()
                    && MessageDigest.isEqual(csrf.getBytes(StandardCharsets.UTF_8), header.trim().getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "Session[last used " + lastUsed + "]";
        }
    }

    /** Opens a session for an already authenticated token secret. */
    Session create(String secret) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            purgeExpired(now);
            if (sessions.size() >= MAX_SESSIONS) {
                throw new ApiException(ApiException.Reason.OVERLOADED, "too_many_sessions", null,
                        "Too many open sessions; retry once idle ones have expired", null);
            }
        }
        Session s = new Session(random(), secret, random(), now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, its idle clock restarted; expired ones are dropped. */
    Optional<Session> touch(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(s, now)) {
            sessions.remove(id, s);
            return Optional.empty();
        }
        s.lastUsed = now;
        return Optional.of(s);
    }

    /** Ends a session (sign-out, or its token was found revoked). */
    void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Live sessions (expired ones are dropped first). */
    int size() {
        purgeExpired(clock.instant());
        return sessions.size();
    }

    Duration idle() {
        return idle;
    }

    private boolean expired(Session s, Instant now) {
        return s.lastUsed.plus(idle).isBefore(now);
    }

    private void purgeExpired(Instant now) {
        sessions.values().removeIf(s -> expired(s, now));
    }

    private static String random() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
