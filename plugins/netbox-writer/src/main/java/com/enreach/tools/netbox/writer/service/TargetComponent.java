package com.enreach.tools.netbox.writer.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.netbox.client.NetBoxClient;
import com.enreach.tools.netbox.client.NetBoxClients;
import com.enreach.tools.netbox.client.NetBoxConnection;
import com.enreach.tools.netbox.writer.apply.Target;

/** One instance per {@code enreach.netbox.target-<name>.cfg}: the target, picked up by the pipeline service. */
@Component(service = TargetComponent.class, configurationPid = "enreach.netbox.target",
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TargetConfig.class, factory = true)
public class TargetComponent {
    private final Target target;

    @Activate
    public TargetComponent(TargetConfig config, Map<String, Object> properties, @Reference NetBoxClients clients) {
        // token.env is the metatype's key for token_env; the spelling with the underscore is taken as well
        Object tokenEnv = properties.get("token_env");
        this.target = target(nameOf(properties), config, properties, tokenEnv == null ? config.token_env() : tokenEnv.toString(), clients,
                System.getenv());
    }

    /** For tests: a target made without OSGi configuration. */
    public TargetComponent(Target target) {
        this.target = target;
    }

    public Target target() {
        return target;
    }

    /** The instance name: what follows {@code ~} in the factory configuration's pid ({@code enreach.netbox.target~prod}). */
    static String nameOf(Map<String, Object> properties) {
        Object named = properties.get("name");
        if (named != null && !named.toString().isBlank()) {
            return named.toString().trim();
        }
        String pid = String.valueOf(properties.getOrDefault("service.pid", "default"));
        int tilde = pid.lastIndexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid;
    }

    static Target target(String name, TargetConfig c, String tokenEnv, NetBoxClients clients, Map<String, String> env) {
        return target(name, c, Map.of(), tokenEnv, clients, env);
    }

    /**
     * The token through the platform's one secret reader: {@code .password}, {@code password=ENC(...)} (decrypted with
     * the key file) or the variable named by {@code token.env}.
     */
    static Target target(String name, TargetConfig c, Map<String, ?> properties, String tokenEnv, NetBoxClients clients,
                         Map<String, String> env) {
        String instance = "enreach.netbox.target-" + name;
        if (c.url() == null || c.url().isBlank()) {
            throw new IllegalArgumentException(instance + ": url is required");
        }
        Map<String, Object> secret = new HashMap<>();
        putIfSet(secret, ".password", c._password());
        putIfSet(secret, "password", properties.get("password"));
        putIfSet(secret, "token.env", tokenEnv);
        ConfigFields f = new ConfigFields(secret, env::get);
        String token = f.secret("password", "token.env", false);
        if (!f.errors().isEmpty()) {
            throw new IllegalArgumentException(instance + ": " + f.errors().get(0).message());
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException(instance + ": a token is needed (.password, password=ENC(...) or token_env)");
        }
        NetBoxConnection conn = new NetBoxConnection(c.url(), token, c.page_size(), c.batch_size(),
                Duration.ofSeconds(Math.max(1, c.timeout())), c.insecure(), blank(c.ca_file()));
        NetBoxClient[] made = new NetBoxClient[1];
        return new Target(name, c.url(), c.write_enabled(), c.self_approval(), blank(c.source()), blank(c.netbox_user()), () -> {
            synchronized (made) {
                if (made[0] == null) {
                    made[0] = clients.connect(conn);
                }
                return made[0];
            }
        });
    }

    private static void putIfSet(Map<String, Object> m, String key, Object value) {
        if (value != null && !value.toString().isBlank()) {
            m.put(key, value);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
