package com.enreach.tools.ai.anthropic.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.plugin.SecretKeyFile;

/**
 * A validated provider instance configuration. {@link #from} fails with a message naming the file and the field, so a
 * misconfigured file fails that instance only, and says why.
 *
 * @param source where the configuration came from, for messages ({@code etc/ai.anthropic-prod.cfg})
 * @param apiKey never logged, never in {@link #toString()}
 */
public record Settings(String name, String source, URI baseUrl, String model, String apiKey, Duration timeout,
                       int maxTokens, double temperature, boolean allowSensitive, String anthropicVersion, int ranking) {
    public static final String DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final String DEFAULT_VERSION = "2023-06-01";
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;
    public static final int DEFAULT_MAX_TOKENS = 1024;
    public static final double DEFAULT_TEMPERATURE = 0.2;
    static final String FACTORY_PID = "ai.anthropic";

    /** Reads the configuration properties ({@code base.url}, {@code model}, ...); {@code env} resolves {@code api.key.env}. */
    public static Settings from(Map<String, ?> props, Map<String, String> env) {
        String name = nameOf(props);
        String source = sourceOf(props, name);
        String url = text(props, "base.url", DEFAULT_BASE_URL);
        URI baseUrl;
        try {
            baseUrl = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": base.url is not a URL: " + url);
        }
        if (!("http".equals(baseUrl.getScheme()) || "https".equals(baseUrl.getScheme())) || baseUrl.getHost() == null
                || baseUrl.getUserInfo() != null || baseUrl.getQuery() != null) {
            throw new IllegalArgumentException(source + ": base.url must be an http(s) URL without credentials or query, got " + url);
        }
        String model = text(props, "model", null);
        if (model == null) {
            throw new IllegalArgumentException(source + ": model is required (e.g. model = claude-sonnet-4-5)");
        }
        for (String plain : new String[] {"api.key", "password", "key"}) {
            if (props.containsKey(plain) && !(plain.equals("password") && SecretKeyFile.isEncrypted(String.valueOf(props.get(plain))))) {
                throw new IllegalArgumentException(source + ": " + plain + "= would show the key in service properties; "
                        + "write .password=<key>, password=ENC(...) or api.key.env=<variable> instead");
            }
        }
        // The platform's one secret reader: .password, password=ENC(...) (decrypted with the key file) or api.key.env.
        ConfigFields f = new ConfigFields(props, env::get);
        String key = f.secret("password", "api.key.env", false);
        if (!f.errors().isEmpty()) {
            throw new IllegalArgumentException(source + ": " + f.errors().get(0).message());
        }
        key = key == null || key.isBlank() ? null : key.strip();
        if (key == null) {
            throw new IllegalArgumentException(source + ": an API key is needed (.password, password=ENC(...) or api.key.env)");
        }
        long timeout = number(props, "timeout", DEFAULT_TIMEOUT_SECONDS, 1, 3600, source);
        long maxTokens = number(props, "max.tokens", DEFAULT_MAX_TOKENS, 1, 1_000_000, source);
        double temperature = decimal(props, "temperature", DEFAULT_TEMPERATURE, source);
        long ranking = number(props, "service.ranking", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, source);
        return new Settings(name, source, baseUrl, model, key, Duration.ofSeconds(timeout), (int) maxTokens, temperature,
                Boolean.parseBoolean(text(props, "allow.sensitive", "false")), text(props, "anthropic.version", DEFAULT_VERSION),
                (int) ranking);
    }

    /** The instance name: a {@code name} property, else what follows {@code ~} in the factory pid. */
    static String nameOf(Map<String, ?> props) {
        String named = text(props, "name", null);
        if (named != null) {
            return named;
        }
        Object pidValue = props.get("service.pid");
        String pid = pidValue == null ? "default" : pidValue.toString();
        int tilde = pid.lastIndexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }

    /** The file FileInstall read, else the file it would be. */
    private static String sourceOf(Map<String, ?> props, String name) {
        Object file = props.get("felix.fileinstall.filename");
        if (file != null) {
            String f = file.toString();
            return "etc/" + f.substring(f.lastIndexOf('/') + 1);
        }
        return "etc/" + FACTORY_PID + "-" + name + ".cfg";
    }

    private static String text(Map<String, ?> props, String key, String fallback) {
        Object v = props.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString().strip();
    }

    private static long number(Map<String, ?> props, String key, long fallback, long min, long max, String source) {
        String v = text(props, key, null);
        try {
            long n = v == null ? fallback : Long.parseLong(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": " + key + " must be a whole number from " + min + " to " + max + ", got " + v);
        }
    }

    private static double decimal(Map<String, ?> props, String key, double fallback, String source) {
        String v = text(props, key, null);
        try {
            double d = v == null ? fallback : Double.parseDouble(v);
            if (d < 0 || d > 1) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": " + key + " must be a number from 0 to 1, got " + v);
        }
    }

    @Override
    public String toString() {
        return "Settings[name=" + name + ", source=" + source + ", baseUrl=" + baseUrl + ", model=" + model
                + ", timeout=" + timeout + ", maxTokens=" + maxTokens + ", temperature=" + temperature
                + ", allowSensitive=" + allowSensitive + ", anthropicVersion=" + anthropicVersion + "]";
    }
}
