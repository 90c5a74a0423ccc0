package com.enreach.tools.plugin.vcenter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Response;

/**
 * A vCenter double on {@link FixtureServer}: answers POST /sdk by SOAP method from the fixture files beside this
 * class (RetrievePropertiesEx by the requested type), with one-shot answers per method queued in front to script
 * faults. Records the SOAP methods called, in order.
 */
final class SoapDouble implements AutoCloseable {
    private static final Pattern METHOD = Pattern.compile("<soapenv:Body><(\\w+) xmlns=\"urn:vim25\">");
    private static final Pattern TYPE = Pattern.compile("<propSet><type>(\\w+)</type>");

    final FixtureServer server = new FixtureServer();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Response>> once = new HashMap<>();
    private final Map<String, String> pages = new LinkedHashMap<>(Map.of("Datacenter", "datacenters.xml", "Folder", "folders.xml",
            "ComputeResource", "compute-resources.xml", "ClusterComputeResource", "clusters.xml", "Network", "networks.xml",
            "HostSystem", "hosts.xml", "VirtualMachine", "vms-page1.xml"));

    SoapDouble() {
        server.route("POST", "/sdk", this::answer);
    }

    /** Answers the next calls of a SOAP method (or "RetrievePropertiesEx VirtualMachine") with these, in order. */
    SoapDouble once(String method, Response... responses) {
        synchronized (once) {
            Collections.addAll(once.computeIfAbsent(method, k -> new ArrayDeque<>()), responses);
        }
        return this;
    }

    /** Serves another fixture for the first page of one type. */
    SoapDouble page(String type, String fixture) {
        pages.put(type, fixture);
        return this;
    }

    Map<String, Object> config() {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("url", server.uri().toString());
        cfg.put("username", "svc-inventory@vsphere.local");
        cfg.put(".password", "s3cret&<pw>");
        cfg.put("page.size", "2");
        return cfg;
    }

    long count(String method) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.equals(method) || c.startsWith(method + " ")).count();
        }
    }

    static Response xml(String fixture) {
        return Response.text(200, "text/xml; charset=utf-8", FixtureServer.resource(SoapDouble.class, fixture));
    }

    static Response fault(String fixture) {
        return Response.text(500, "text/xml; charset=utf-8", FixtureServer.resource(SoapDouble.class, fixture));
    }

    private Response answer(FixtureServer.Request r) {
        Matcher m = METHOD.matcher(r.body());
        if (!m.find()) {
            return Response.status(400);
        }
        String method = m.group(1);
        String call = method;
        if (method.equals("RetrievePropertiesEx")) {
            Matcher t = TYPE.matcher(r.body());
            call = method + " " + (t.find() ? t.group(1) : "?");
        }
        calls.add(call);
        synchronized (once) {
            for (String key : List.of(call, method)) {
                Deque<Response> q = once.get(key);
                if (q != null && !q.isEmpty()) {
                    return q.poll();
                }
            }
        }
        return switch (method) {
            case "RetrieveServiceContent" -> xml("service-content.xml");
            case "Login" -> xml("login.xml");
            case "CreateContainerView" -> xml("create-view.xml");
            case "RetrievePropertiesEx" -> xml(pages.getOrDefault(call.substring(method.length() + 1), "empty-page.xml"));
            case "ContinueRetrievePropertiesEx" -> r.body().contains("<token>tok-1</token>") ? xml("vms-page2.xml") : fault("invalid-property-fault.xml");
            case "DestroyView" -> xml("destroy-view.xml");
            case "Logout" -> xml("logout.xml");
            default -> Response.status(500);
        };
    }

    @Override
    public void close() {
        server.close();
    }
}
