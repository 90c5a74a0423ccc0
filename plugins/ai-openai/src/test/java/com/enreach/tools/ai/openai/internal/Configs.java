package com.enreach.tools.ai.openai.internal;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/** An {@link OpenAiConfig} from key/value pairs as they appear in the .cfg file; the rest keep their defaults. */
final class Configs {
    private Configs() {
    }

    static OpenAiConfig config(String... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return (OpenAiConfig) Proxy.newProxyInstance(OpenAiConfig.class.getClassLoader(), new Class<?>[] {OpenAiConfig.class},
                (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.'); // _password -> .password, base_url -> base.url
                    Object v = values.get(key);
                    Class<?> t = method.getReturnType();
                    if (v == null) {
                        return method.getDefaultValue();
                    }
                    if (t == int.class) {
                        return Integer.valueOf(v.toString());
                    }
                    if (t == double.class) {
                        return Double.valueOf(v.toString());
                    }
                    if (t == boolean.class) {
                        return Boolean.valueOf(v.toString());
                    }
                    return v.toString();
                });
    }

    static OpenAiProvider provider(String name, Map<String, String> env, String... keyValues) {
        return new OpenAiProvider(Settings.of(name, config(keyValues), env));
    }

    static OpenAiProvider provider(String name, String... keyValues) {
        return provider(name, Map.of(), keyValues);
    }
}
