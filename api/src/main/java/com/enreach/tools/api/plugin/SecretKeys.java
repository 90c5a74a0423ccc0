package com.enreach.tools.api.plugin;

import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which configuration keys hold secrets, the one rule the REST API, the CLI and every web console view apply: private keys ({@code .password},
 * {@code .api.token}: the form the plugins read) and any key whose name says it is a secret ({@code password},
 * {@code api.token}, {@code secret}, {@code authorization}, ...). A {@code *.env} key names an environment variable
 * and is not a secret itself.
 */
public final class SecretKeys {
    /** What a masked value shows. */
    public static final String MASK = "********";

    private static final List<String> WORDS = List.of("password", "passwd", "passphrase", "secret", "token", "apikey", "api_key", "api-key",
            "credential", "authorization", "privatekey", "private.key", "private_key");

    private SecretKeys() {
    }

    public static boolean isSecret(String key) {
        if (key == null || key.isEmpty()) {
            return false;
        }
        if (key.charAt(0) == '.') {
            return true;
        }
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith(".env")) {
            return false;
        }
        return WORDS.stream().anyMatch(k::contains);
    }

    /** The value as a console may show it. */
    public static Object mask(String key, Object value) {
        return value != null && isSecret(key) ? MASK : value;
    }

    /** A copy with every secret value masked (null stays null). */
    public static Map<String, Object> masked(Map<String, ?> props) {
        if (props == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        props.forEach((k, v) -> out.put(k, mask(k, v)));
        return out;
    }

    /** A copy of a configuration dictionary with every secret value masked. */
    public static Map<String, Object> masked(Dictionary<String, ?> props) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (props != null) {
            for (Enumeration<String> keys = props.keys(); keys.hasMoreElements(); ) {
                String k = keys.nextElement();
                out.put(k, mask(k, props.get(k)));
            }
        }
        return out;
    }
}
