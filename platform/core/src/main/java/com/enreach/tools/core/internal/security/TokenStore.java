package com.enreach.tools.core.internal.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.TokenService;
import com.enreach.tools.core.internal.db.Database;
import com.enreach.tools.core.internal.db.Times;

/**
 * API tokens: random secrets shown once, stored as SHA-256 hashes. On first start (no active admin token) an admin
 * token is created and written to {@code etc/admin.token}, readable by its owner only.
 *
 * <p>Authentication never writes and never takes the write lock: a valid token is cached after its first lookup on a
 * reader (revoking drops it from the cache at once, so a revoked token is refused on the very next request), and use
 * is noted in memory and written by a background flush at most once a minute per token.
 */
@Component(service = TokenService.class, immediate = true)
public class TokenStore implements TokenService {
    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);
    static final String PREFIX = "enr_";
    private static final SecureRandom RANDOM = new SecureRandom();
    static final Duration FLUSH_EVERY = Duration.ofMinutes(1);

    private final Database db;
    /** Valid tokens by secret hash. Bounded by the number of tokens: only real, active tokens get in. */
    private final Map<String, ApiToken> valid = new ConcurrentHashMap<>();
    /** Bumped by every revocation, so a lookup that raced with one does not cache what it read before it. */
    private final AtomicLong revocations = new AtomicLong();
    /** Last use per token id, not yet written. */
    private final Map<Long, Instant> pendingUse = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    @Activate
    public TokenStore(@Reference Database db, BundleContext context) {
        this(db, Database.homeOf(context).resolve("etc").resolve("admin.token"), true);
    }

    /** With {@code background} false nothing is scheduled and {@link #flushUse()} is called by the owner (tests). */
    public TokenStore(Database db, Path adminTokenFile, boolean background) {
        this.db = db;
        bootstrap(adminTokenFile);
        if (background) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "enreach-token-use");
                t.setDaemon(true);
                return t;
            });
            flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_EVERY.toSeconds(), FLUSH_EVERY.toSeconds(), TimeUnit.SECONDS);
        } else {
            flusher = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        flushQuietly();
    }

    private void bootstrap(Path file) {
        boolean anyAdmin = list().stream().anyMatch(t -> t.role() == Role.ADMIN && t.revokedAt() == null);
        if (anyAdmin && Files.exists(file)) {
            return;
        }
        if (anyAdmin && !Files.exists(file)) {
            LOG.info("No {} file; the existing admin tokens stay valid (create one with 'enreach token create')", file);
            return;
        }
        Created admin = create("bootstrap-admin", Role.ADMIN);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, admin.secret() + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the admin token file " + file, e);
        }
        LOG.info("Created the first admin token; it is in {} (owner read-only)", file);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Optional<ApiToken> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        String h = hash(secret.trim());
        ApiToken token = valid.get(h);
        if (token == null) {
            long generation = revocations.get();
            token = readOrOverloaded(c -> {
                try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE token_hash = ? AND revoked_at IS NULL")) {
                    ps.setString(1, h);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? row(rs) : null;
                    }
                }
            });
            if (token == null) {
                return Optional.empty();
            }
            valid.put(h, token);
            if (revocations.get() != generation) {
                valid.remove(h); // a revocation ran meanwhile: look it up again next time
            }
        }
        pendingUse.put(token.id(), Times.now());
        return Optional.of(token);
    }

    /** A read; no free reader in time becomes a 503-style refusal, not a server error. */
    private <T> T readOrOverloaded(Database.SqlWork<T> work) {
        try {
            return db.read(work);
        } catch (RuntimeException e) {
            if (Database.isReadTimeout(e)) {
                throw new ApiException(ApiException.Reason.OVERLOADED, "overloaded", null, "The database is busy; retry shortly", null);
            }
            throw e;
        }
    }

    /** Writes the noted uses in one short transaction; returns how many tokens were updated. */
    public int flushUse() {
        if (pendingUse.isEmpty()) {
            return 0;
        }
        Map<Long, Instant> batch = new HashMap<>();
        for (Long id : List.copyOf(pendingUse.keySet())) {
            Instant t = pendingUse.remove(id);
            if (t != null) {
                batch.put(id, t);
            }
        }
        try {
            return writeUse(batch);
        } catch (RuntimeException e) {
            batch.forEach(pendingUse::putIfAbsent); // keep them for the next flush
            throw e;
        }
    }

    private int writeUse(Map<Long, Instant> batch) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET last_used_at = ? WHERE id = ?"
                    + " AND (last_used_at IS NULL OR last_used_at < ?)")) {
                for (Map.Entry<Long, Instant> e : batch.entrySet()) {
                    String at = Times.format(e.getValue());
                    ps.setString(1, at);
                    ps.setLong(2, e.getKey());
                    ps.setString(3, at);
                    ps.addBatch();
                }
                int n = 0;
                for (int r : ps.executeBatch()) {
                    n += Math.max(r, 0);
                }
                return n;
            }
        });
    }

    private void flushQuietly() {
        try {
            flushUse();
        } catch (RuntimeException e) {
            LOG.warn("Could not record token use; will retry: {}", e.getMessage());
        }
    }

    @Override
    public Created create(String name, Role role) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ApiException.invalid("name", "token name is required (1 to 100 characters)");
        }
        if (role == null) {
            throw ApiException.invalid("role", "role is required: viewer, operator or admin");
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        String prefix = secret.substring(0, PREFIX.length() + 6);
        String now = Times.format(Times.now());
        long id = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (name, role, token_hash, prefix, created_at) VALUES (?, ?, ?, ?, ?)",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, name.trim());
                ps.setString(2, role.id());
                ps.setString(3, hash(secret));
                ps.setString(4, prefix);
                ps.setString(5, now);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new Created(new ApiToken(id, name.trim(), role, prefix, Times.parse(now), null, null), secret);
    }

    private static final String SELECT = "SELECT id, name, role, prefix, created_at, last_used_at, revoked_at FROM api_tokens";

    private static ApiToken row(ResultSet rs) throws SQLException {
        return new ApiToken(rs.getLong(1), rs.getString(2), Role.of(rs.getString(3)), rs.getString(4), Times.parse(rs.getString(5)),
                Times.parse(rs.getString(6)), Times.parse(rs.getString(7)));
    }

    @Override
    public List<ApiToken> list() {
        return db.read(c -> {
            List<ApiToken> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    /**
     * Revokes by id; refused with a conflict when it is the last active admin token (nobody could manage tokens
     * afterwards). The token is refused from the next request on.
     */
    @Override
    public boolean revoke(long id) {
        revocations.incrementAndGet();
        try {
            return db.write(c -> {
                String role;
                try (PreparedStatement ps = c.prepareStatement("SELECT role FROM api_tokens WHERE id = ? AND revoked_at IS NULL")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return false;
                        }
                        role = rs.getString(1);
                    }
                }
                if (Role.of(role) == Role.ADMIN && otherActiveAdmins(c, id) == 0) {
                    throw new ApiException(ApiException.Reason.CONFLICT, "last_admin", "id",
                            "Token " + id + " is the last active admin token; create another admin token before revoking it", null);
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                    ps.setString(1, Times.format(Times.now()));
                    ps.setLong(2, id);
                    return ps.executeUpdate() == 1;
                }
            });
        } finally {
            // Bump first: a lookup that caches after the removal below then sees the bump and drops its entry.
            revocations.incrementAndGet();
            valid.values().removeIf(t -> t.id() == id);
        }
    }

    private static int otherActiveAdmins(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM api_tokens WHERE role = ? AND revoked_at IS NULL AND id <> ?")) {
            ps.setString(1, Role.ADMIN.id());
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
