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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
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
 */
@Component(service = TokenService.class, immediate = true)
public class TokenStore implements TokenService {
    private static final Logger LOG = LoggerFactory.getLogger(TokenStore.class);
    static final String PREFIX = "enr_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Database db;
    private final Map<Long, Instant> lastUseWritten = new ConcurrentHashMap<>();

    @Activate
    public TokenStore(@Reference Database db, BundleContext context) {
        this(db, Database.homeOf(context).resolve("etc").resolve("admin.token"));
    }

    public TokenStore(Database db, Path adminTokenFile) {
        this.db = db;
        bootstrap(adminTokenFile);
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
        Optional<ApiToken> token = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE token_hash = ? AND revoked_at IS NULL")) {
                ps.setString(1, h);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<ApiToken>empty();
                }
            }
        });
        token.ifPresent(this::noteUse);
        return token;
    }

    /** Records use at most once a minute per token, so reads do not turn into writes. */
    private void noteUse(ApiToken t) {
        Instant now = Instant.now();
        Instant last = lastUseWritten.get(t.id());
        if (last != null && last.plusSeconds(60).isAfter(now)) {
            return;
        }
        lastUseWritten.put(t.id(), now);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET last_used_at = ? WHERE id = ?")) {
                ps.setString(1, Times.format(Times.now()));
                ps.setLong(2, t.id());
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public Created create(String name, Role role) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw ApiException.invalid("name", "token name is required (1 to 100 characters)");
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
                ps.setString(2, role.name());
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

    private static ApiToken row(ResultSet rs) throws java.sql.SQLException {
        return new ApiToken(rs.getLong(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getString(4), Times.parse(rs.getString(5)),
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

    @Override
    public boolean revoke(long id) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")) {
                ps.setString(1, Times.format(Times.now()));
                ps.setLong(2, id);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
