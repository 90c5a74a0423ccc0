package com.enreach.tools.source.support;

import java.util.Objects;
import java.util.function.Predicate;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceCall;
import com.enreach.tools.api.spi.SourceException;

/**
 * The one way sources renew a lost session: when a call fails because the session expired (idle timeout, server
 * restart), log in again and repeat the call once. A call that finds the session expired again right after a
 * renewal fails with that second failure, so a broken login never loops. A budget bounds the renewals of one run
 * (vCenter renews once per run; token APIs once per call, as often as needed).
 *
 * <p>Not thread-safe: one instance per run, used by the run's thread. Retries of transient failures stay the
 * core's ({@code SourceContext.call}); wrap the renewing call in it, not the other way round.
 *
 * @since 1.2
 */
public final class SessionRenewal {
    /** The code of {@link #expired}: a failure that only says the session is gone. */
    public static final String SESSION_EXPIRED = "session_expired";

    /** Logs in again. */
    @FunctionalInterface
    public interface Login {
        void login() throws SourceException;
    }

    private final Predicate<SourceException> isExpired;
    private final Login login;
    private final int budget;
    private int renewals;

    private SessionRenewal(Predicate<SourceException> isExpired, Login login, int budget) {
        this.isExpired = Objects.requireNonNull(isExpired, "isExpired is null");
        this.login = Objects.requireNonNull(login, "login is null");
        this.budget = budget;
    }

    /**
     * Renews at most once per call, as often as calls need it.
     *
     * @param isExpired tells a lost session from other failures (e.g. code {@code auth} on a token API, or
     *                  {@link #SESSION_EXPIRED} from {@link #expired})
     */
    public static SessionRenewal oncePerCall(Predicate<SourceException> isExpired, Login login) {
        return new SessionRenewal(isExpired, login, Integer.MAX_VALUE);
    }

    /** Renews at most once per call and at most {@code maxPerRun} times in all. */
    public static SessionRenewal atMost(int maxPerRun, Predicate<SourceException> isExpired, Login login) {
        if (maxPerRun < 0) {
            throw new IllegalArgumentException("maxPerRun < 0");
        }
        return new SessionRenewal(isExpired, login, maxPerRun);
    }

    /** A predicate for failures made with {@link #expired}. */
    public static boolean isSessionExpired(SourceException e) {
        return SESSION_EXPIRED.equals(e.code());
    }

    /**
     * A failure that says the session is gone, for APIs that report it in the answer rather than by status.
     *
     * @param what the system and request ("Dorado GET /lun")
     */
    public static PermanentSourceException expired(String what) {
        return new PermanentSourceException(SESSION_EXPIRED, "username", what + " refused the session (expired or logged out)", null, null);
    }

    /** Runs the call; on a lost session logs in again (within the budget) and runs it once more. */
    public <T> T call(SourceCall<T> call) throws SourceException {
        try {
            return call.call();
        } catch (SourceException e) {
            if (!isExpired.test(e) || renewals >= budget) {
                throw e;
            }
            renewals++;
            login.login();
            return call.call();
        }
    }

    /** Renewals made so far. */
    public int renewals() {
        return renewals;
    }
}
