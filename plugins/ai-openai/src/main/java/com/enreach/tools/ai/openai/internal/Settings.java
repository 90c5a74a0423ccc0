package com.enreach.tools.ai.openai.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

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
        String key = blank(c._password());
        String envName = blank(c.api_key_env());
        if (key == null && envName != null) {
            key = blank(env.get(envName));
            if (key == null) {
                throw bad(file, "api.key.env", "names the environment variable " + envName + ", which is not set");
            }
        }
        if (key == null && !auth.equals("none")) {
            throw bad(file, ".password", "an API key is needed for auth=" + auth
                    + " (.password or api.key.env; auth=none for servers without keys)");
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

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
