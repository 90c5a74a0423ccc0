package com.enreach.tools.plugin.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.Servlet;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;

import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.netbox.sandbox.NetBoxDouble;

/**
 * The demo NetBox sandbox: the project's NetBox double served by the platform at {@value #PATH}/ (its API at
 * {@value #PATH}/api/...), registered as an HTTP whiteboard servlet only while {@code etc/enreach.demo.netbox.cfg}
 * enables it. Its first state is the seed of the demo estate ({@link NetBoxSeed}); every write is kept in the
 * snapshot under data/, so restarting the demo keeps what NetBox holds. It is a demo stand-in, never a real NetBox,
 * and says so (status answer, the page at {@value #PATH}/, a header on every answer).
 */
@Component(configurationPid = DemoNetBoxSandbox.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = DemoNetBoxConfig.class)
public class DemoNetBoxSandbox {
    static final String PID = "enreach.demo.netbox";
    static final String PATH = "/demo-netbox";
    /** Who filled the demo NetBox by hand: the seed's objects are created under this NetBox user. */
    static final String HAND_USER = "adevries";

    private ServiceRegistration<Servlet> registration;
    private SandboxServlet servlet;

    @Activate
    void activate(BundleContext context, Map<String, Object> properties) {
        activate(context, properties, s -> registration = context.registerService(Servlet.class, s, whiteboard()));
    }

    /** Builds the sandbox (or its 503 when misconfigured) and hands the servlet to {@code register}, if enabled. */
    void activate(BundleContext context, Map<String, Object> properties, Consumer<Servlet> register) {
        ConfigFields f = new ConfigFields(properties);
        if (!f.bool("enabled", false)) {
            return;
        }
        String token = f.secret("password", true);
        if (token != null && !token.matches("[0-9a-fA-F]{40}")) {
            f.error("password", "invalid", "the sandbox token must be a NetBox v1 token: 40 hexadecimal characters");
        }
        String hand = f.secret("hand.password", false);
        if (hand != null && !hand.matches("[0-9a-fA-F]{40}")) {
            f.error("hand.password", "invalid", "the hand editor's token must be a NetBox v1 token: 40 hexadecimal characters");
        }
        DemoSettings estate = new DemoSettings(f.integer("size", 3000, 1, 100_000), seed(f), 0);
        Path snapshot = home(context).resolve(f.string("snapshot", "data/demo-netbox/netbox.json")).normalize();
        if (f.errors().isEmpty()) {
            servlet = SandboxServlet.open(token, hand, estate, snapshot);
        } else {
            servlet = SandboxServlet.misconfigured("etc/" + PID + ".cfg: " + f.errors().get(0).message());
        }
        register.accept(servlet);
    }

    private static Hashtable<String, Object> whiteboard() {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", PATH + "/*");
        props.put("osgi.http.whiteboard.servlet.name", "enreach-demo-netbox");
        return props;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (servlet != null) {
            servlet.persist();
        }
    }

    private static long seed(ConfigFields f) {
        String s = f.string("seed", "42");
        if (!s.matches("-?\\d{1,18}")) {
            f.error("seed", "invalid", "seed must be a whole number, got '" + s + "'");
            return 42;
        }
        return Long.parseLong(s);
    }

    /** The platform home: framework property {@code enreach.home}, else the working directory. */
    private static Path home(BundleContext context) {
        String home = context == null ? null : context.getProperty("enreach.home");
        return Path.of(home == null ? "" : home).toAbsolutePath();
    }

    /**
     * The sandbox's NetBox: the snapshot when there is one, else the seed of the estate (then saved), with the
     * configured token for NetBox's admin user, and the hand editor's token (optional) for the user who filled it by hand.
     */
    static NetBoxDouble open(String token, String handToken, DemoSettings estate, Path snapshot) throws IOException {
        NetBoxDouble netbox = new NetBoxDouble();
        netbox.addToken(NetBoxDouble.ADMIN, token);
        if (handToken != null) {
            netbox.addToken(HAND_USER, handToken);
        }
        if (Files.isRegularFile(snapshot)) {
            netbox.load(snapshot);
        } else {
            NetBoxSeed.load(NetBoxSeed.plan(estate), (kind, body) -> netbox.create(HAND_USER, kind, body));
            netbox.save(snapshot);
        }
        return netbox;
    }
}
