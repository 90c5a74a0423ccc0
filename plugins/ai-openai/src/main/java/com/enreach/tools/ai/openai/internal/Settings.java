package com.enreach.tools.ai.openai.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.plugin.SecretKeyFile;

/**
 * One instance's validated configuration. {@link #toString()} leaves the key out.
 *
 * @param file the configuration file, for messages ({@code etc/ai.openai-<name>.cfg})
 */
record Settings(String name, String file, URI baseUrl, String model, String key, String auth, String apiVersion,
                Duration timeout, int maxTokens, String maxTokensParam, double temperature, boolean allowSensitive,
                boolean tools, boolean streamUsage) {

    /** Validates {@code c}; an {@link IllegalArgumentException} names the file and the field. */
    static Settings of(String name, OpenAiConfig c, Map<String, String> env) {
        return of(name, c, Map.of(), env);
    }

    /**
     * The same, with the raw configuration properties, where an encrypted {@code password=ENC(...)} is found (the
     * annotation type reads only {@code .password}).
     */
    static Settings of(String name, OpenAiConfig c, Map<String, ?> properties, Map<String, String> env) {
        String file = "etc/ai.openai-" + name + ".cfg";
        String base = c.base_url() == null ? "" : c.base_url().trim();
        URI url;
        try {
            url = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        } catch (IllegalArgumentException e) {
            throw bad(file, "base.url", "is not a URL: " + base);
        }
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw bad(file, "base.url", "must be an http(s) URL such as https://api.openai.com/v1, not '" + base + "'");
        }
        if (url.getUserInfo() != null || url.getQuery() != null) {
            throw bad(file, "base.url", "must carry neither credentials nor a query (use .password and api.version)");
        }
        if (c.model() == null || c.model().isBlank()) {
            throw bad(file, "model", "is required (e.g. gpt-4o-mini, llama3.1)");
        }
        String auth = c.auth() == null ? "bearer" : c.auth().trim().toLowerCase(Locale.ROOT);
        if (!auth.equals("bearer") && !auth.equals("api-key") && !auth.equals("none")) {
            throw bad(file, "auth", "must be bearer, api-key or none, not '" + c.auth() + "'");
        }
        // The platform's one secret reader: .password, password=ENC(...) (decrypted with the key file) or api.key.env.
        Map<String, Object> secret = new java.util.HashMap<>();
        putIfSet(secret, ".password", c._password());
        putIfSet(secret, "password", properties.get("password"));
        putIfSet(secret, "api.key.env", c.api_key_env());
        ConfigFields f = new ConfigFields(secret, env::get);
        String key = blank(f.secret("password", "api.key.env", false));
        if (!f.errors().isEmpty()) {
            FieldError e = f.errors().get(0);
            throw bad(file, e.field(), e.message());
        }
        if (key == null && !auth.equals("none")) {
            throw bad(file, ".password", "an API key is needed for auth=" + auth
                    + " (.password, password=ENC(...) or api.key.env; auth=none for servers without keys)");
        }
        if (c.timeout() < 1) {
            throw bad(file, "timeout", "must be at least 1 second, not " + c.timeout());
        }
        if (c.max_tokens() < 1) {
            throw bad(file, "max.tokens", "must be at least 1, not " + c.max_tokens());
        }
        String param = c.max_tokens_param() == null ? "max_tokens" : c.max_tokens_param().trim();
        if (!param.equals("max_tokens") && !param.equals("max_completion_tokens")) {
            throw bad(file, "max.tokens.param", "must be max_tokens or max_completion_tokens, not '" + param + "'");
        }
        if (Double.isNaN(c.temperature()) || c.temperature() < 0 || c.temperature() > 2) {
            throw bad(file, "temperature", "must be between 0 and 2, not " + c.temperature());
        }
        return new Settings(name, file, url, c.model().trim(), key, auth, blank(c.api_version()),
                Duration.ofSeconds(c.timeout()), c.max_tokens(), param, c.temperature(), c.allow_sensitive(), c.tools(),
                c.stream_usage());
    }

    /**
     * A key under a public property name would be shown wherever configuration is (the web console, exports): only
     * {@code .password} (private) or {@code api.key.env} may carry it.
     */
    static void refusePublicKey(String name, Map<String, ?> properties) {
        for (String k : properties.keySet()) {
            String n = k.toLowerCase(Locale.ROOT);
            if (n.equals("password") && SecretKeyFile.isEncrypted(String.valueOf(properties.get(k)))) {
                continue; // ciphertext, decrypted by of()
            }
            if (n.equals("api.key") || n.equals("api_key") || n.equals("apikey") || n.equals("key") || n.equals("password")
                    || n.equals("token")) {
                throw bad("etc/ai.openai-" + name + ".cfg", k, "is a public property: put the key in .password, encrypt it "
                        + "as password=ENC(...) or name an environment variable in api.key.env");
            }
        }
    }

    /** {@code <base.url>/chat/completions}, plus {@code ?api-version=} when set. */
    URI endpoint() {
        String u = baseUrl + "/chat/completions";
        if (apiVersion != null) {
            u += "?api-version=" + URLEncoder.encode(apiVersion, StandardCharsets.UTF_8);
        }
        return URI.create(u);
    }

    /** "openai provider 'name'": how messages name the instance. */
    String who() {
        return "openai provider '" + name + "' (" + baseUrl + ")";
    }

    @Override
    public String toString() {
        return "Settings[name=" + name + ", baseUrl=" + baseUrl + ", model=" + model + ", auth=" + auth + ", key="
                + (key == null ? "none" : "<set>") + "]";
    }

    private static IllegalArgumentException bad(String file, String field, String what) {
        return new IllegalArgumentException(file + ": " + field + " " + what);
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            m.put(key, value);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
