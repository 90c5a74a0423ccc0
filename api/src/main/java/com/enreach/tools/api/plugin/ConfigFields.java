package com.enreach.tools.api.plugin;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a plugin instance's raw configuration properties and collects field-level errors instead of throwing,
 * so that an invalid file is reported as such and never crashes the component.
 *
 * <p>Secrets: a secret key {@code k} is read from the private property {@code .k} (never copied into service
 * properties, so never shown by the console), from an encrypted public entry {@code k=ENC(...)} (ciphertext is not a
 * secret), or from the environment variable named by {@code k.env}. Any of the three may hold an {@code ENC(...)}
 * value: it is decrypted with the key file ({@link SecretKeyFile#locate}); a missing key file, another key or an
 * altered value is a field error on {@code k}, never an exception. A plain {@code k=...} entry is refused with an
 * error that says how to write it.
 */
public final class ConfigFields {
    private final Map<String, ?> props;
    private final Function<String, String> env;
    private final List<FieldError> errors = new ArrayList<>();
    private SecretKeyFile keyFile;

    public ConfigFields(Map<String, ?> props) {
        this(props, System::getenv);
    }

    public ConfigFields(Map<String, ?> props, Function<String, String> env) {
        this.props = props;
        this.env = env;
    }

    private String raw(String key) {
        Object v = props.get(key);
        if (v == null) {
            return null;
        }
        String s = String.valueOf(v).trim();
        return s.isEmpty() ? null : s;
    }

    /** A required string. */
    public String required(String key) {
        String v = raw(key);
        if (v == null) {
            errors.add(FieldError.of(key, "required", key + " is required"));
        }
        return v;
    }

    /** An optional string with a default. */
    public String string(String key, String defaultValue) {
        String v = raw(key);
        return v == null ? defaultValue : v;
    }

    /** An integer in [min, max] with a default. */
    public int integer(String key, int defaultValue, int min, int max) {
        String v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                errors.add(FieldError.of(key, "out_of_range", key + " must be between " + min + " and " + max + ", got " + i));
                return defaultValue;
            }
            return i;
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(key, "invalid", key + " must be a whole number, got '" + v + "'"));
            return defaultValue;
        }
    }

    /** A boolean ({@code true}/{@code false}) with a default. */
    public boolean bool(String key, boolean defaultValue) {
        String v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        errors.add(FieldError.of(key, "invalid", key + " must be true or false, got '" + v + "'"));
        return defaultValue;
    }

    /** A required absolute http(s) URL, returned without a trailing slash. */
    public URI httpUrl(String key) {
        String v = required(key);
        if (v == null) {
            return null;
        }
        try {
            URI u = new URI(v);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
                errors.add(FieldError.of(key, "invalid", key + " must be an http:// or https:// URL with a host, got '" + v + "'"));
                return null;
            }
            String s = u.toString();
            return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        } catch (java.net.URISyntaxException e) {
            errors.add(FieldError.of(key, "invalid", key + " is not a valid URL: " + e.getReason()));
            return null;
        }
    }

    /**
     * A secret, from {@code .key}, {@code key=ENC(...)} or the environment variable named by {@code key.env};
     * {@code ENC(...)} values decrypted.
     *
     * @param required whether a missing secret is an error
     */
    public String secret(String key, boolean required) {
        return secret(key, key + ".env", required);
    }

    /**
     * A secret, from {@code .key}, {@code key=ENC(...)} or the environment variable named by {@code envKey}
     * (for plugins whose variable key is not {@code key.env}, such as {@code api.key.env}); {@code ENC(...)} values
     * decrypted. Errors are reported on {@code key} (on {@code envKey} for an unset variable).
     *
     * @param required whether a missing secret is an error
     * @since 1.1
     */
    public String secret(String key, String envKey, boolean required) {
        String plain = raw(key);
        boolean encryptedPlain = SecretKeyFile.isEncrypted(plain);
        if (plain != null && !encryptedPlain) {
            errors.add(FieldError.of(key, "insecure", "write the secret as ." + key + "=... (private, never shown), encrypted as "
                    + key + "=ENC(...) (from 'enreach secret encrypt') or name an environment variable with "
                    + envKey + "=VARIABLE; a plain " + key + "= entry would be visible in the console"));
            return null;
        }
        String v = raw("." + key);
        if (v != null && encryptedPlain) {
            errors.add(FieldError.of(key, "ambiguous", "both ." + key + " and " + key + "=ENC(...) are set: keep one"));
            return null;
        }
        if (v == null) {
            v = plain;
        }
        if (v == null) {
            String var = raw(envKey);
            if (var != null) {
                v = env.apply(var);
                if (v == null || v.isBlank()) {
                    errors.add(FieldError.of(envKey, "missing_env", "environment variable " + var + " named by " + envKey + " is not set"));
                    return null;
                }
            }
        }
        if (v == null) {
            if (required) {
                errors.add(FieldError.of(key, "required", key + " is required: set ." + key + "=..., " + key + "=ENC(...) or "
                        + envKey + "=VARIABLE"));
            }
            return null;
        }
        return SecretKeyFile.isEncrypted(v) ? decrypt(key, v) : v;
    }

    /** The plain secret, or null with a field error on {@code key}; the key file is read once per reader. */
    private String decrypt(String key, String value) {
        try {
            if (keyFile == null) {
                Path where = SecretKeyFile.locate(System::getProperty, env, null);
                keyFile = SecretKeyFile.load(where);
            }
            return keyFile.decrypt(value);
        } catch (SecretException e) {
            errors.add(FieldError.of(key, e.code(), "cannot decrypt " + key + ": " + e.getMessage()));
            return null;
        }
    }

    /** Adds an error found by the plugin's own checks. */
    public void error(String field, String code, String message) {
        errors.add(FieldError.of(field, code, message));
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }
}
