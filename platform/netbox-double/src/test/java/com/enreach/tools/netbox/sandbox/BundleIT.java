package com.enreach.tools.netbox.sandbox;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import org.apache.felix.framework.Felix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The built bundle in a real OSGi framework: it resolves with Jackson and the servlet API from other bundles, and
 * the embedded JSON schema validator (with its own resources) refuses a bad body and accepts a good one.
 */
class BundleIT {
    /** Runs under failsafe, after packaging, which names the built jar; a surefire run given -Dtest='*' has no jar yet. */
    @Test
    @EnabledIfSystemProperty(named = "netbox.double.bundle", matches = ".+")
    void theBundleResolvesAndValidatesBodiesInsideOsgi(@TempDir Path cache) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, cache.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        // slf4j-api requires a ServiceLoader mediator and a provider (SPI Fly and a binding in the platform); here both are
        // declared by the framework, slf4j finds no provider and logs nothing
        config.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES_EXTRA,
                "osgi.extender;osgi.extender=osgi.serviceloader.processor;version:Version=1.0,"
                        + "osgi.serviceloader;osgi.serviceloader=org.slf4j.spi.SLF4JServiceProvider");
        Felix felix = new Felix(config);
        felix.start();
        try {
            BundleContext ctx = felix.getBundleContext();
            for (Class<?> c : List.of(JsonProperty.class, JsonParser.class, ObjectMapper.class, HttpServlet.class, org.slf4j.Logger.class)) {
                ctx.installBundle(c.getProtectionDomain().getCodeSource().getLocation().toString());
            }
            Bundle bundle = ctx.installBundle(Path.of(System.getProperty("netbox.double.bundle")).toUri().toString());
            bundle.start();
            assertEquals(Bundle.ACTIVE, bundle.getState());
            Class<?> doubleClass = bundle.loadClass("com.enreach.tools.netbox.sandbox.NetBoxDouble");
            Class<?> requestClass = bundle.loadClass("com.enreach.tools.netbox.sandbox.NetBoxRequest");
            Object netbox = doubleClass.getConstructor().newInstance();
            String token = (String) doubleClass.getMethod("token").invoke(netbox);
            var ctor = requestClass.getConstructors()[0];
            Map<String, String> auth = Map.of("Authorization", "Token " + token);
            Object bad = ctor.newInstance("POST", "http://x", "/api/dcim/sites/", null, auth, "{\"name\": \"s\", \"status\": \"nope\"}");
            Object good = ctor.newInstance("POST", "http://x", "/api/dcim/sites/", null, auth, "{\"name\": \"s\", \"slug\": \"s\"}");
            var handle = doubleClass.getMethod("handle", requestClass);
            Object refused = handle.invoke(netbox, bad);
            assertEquals(400, refused.getClass().getMethod("status").invoke(refused));
            String body = (String) refused.getClass().getMethod("body").invoke(refused);
            var errors = new ObjectMapper().readTree(body);
            assertEquals("This field is required.", errors.at("/slug/0").asText());
            assertEquals("\"nope\" is not a valid choice.", errors.at("/status/0").asText());
            Object created = handle.invoke(netbox, good);
            assertEquals(201, created.getClass().getMethod("status").invoke(created));
        } finally {
            felix.stop();
            felix.waitForStop(10_000);
        }
    }
}
