package com.enreach.tools.netbox.sandbox;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The servlet under a prefix: paths below it reach the API, answers carry absolute URLs under the prefix. */
class ServletTest {
    private final NetBoxDouble netbox = new NetBoxDouble();
    private final NetBoxDoubleServlet servlet = new NetBoxDoubleServlet(netbox);

    @Test
    void servesTheApiUnderItsPrefixWithAbsoluteUrls() throws Exception {
        Map<String, Object> created = call("POST", "/api/dcim/sites/", null, "{\"name\": \"S\", \"slug\": \"s\"}");
        assertEquals(201, created.get("status"));
        String body = (String) created.get("body");
        assertEquals("http://platform.test:8080/demo-netbox/api/dcim/sites/1/", Nb.JSON.readTree(body).get("url").asText());
        Map<String, Object> list = call("GET", "/api/dcim/sites/", "slug=s", null);
        assertEquals(1, Nb.JSON.readTree((String) list.get("body")).get("count").asInt());
        assertEquals("application/json", ((Map<?, ?>) list.get("headers")).get("Content-Type"));
    }

    @Test
    void withoutATokenAnswers403() throws Exception {
        Map<String, Object> r = call("GET", "/api/dcim/sites/", null, null, Map.of());
        assertEquals(403, r.get("status"));
    }

    private Map<String, Object> call(String method, String pathInfo, String query, String body) throws Exception {
        return call(method, pathInfo, query, body, Map.of("Authorization", "Token " + netbox.token(), "Host", "platform.test:8080"));
    }

    private Map<String, Object> call(String method, String pathInfo, String query, String body, Map<String, String> headers) throws Exception {
        byte[] in = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ByteArrayInputStream input = new ByteArrayInputStream(in);
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpServletRequest.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getPathInfo" -> pathInfo;
                    case "getQueryString" -> query;
                    case "getScheme" -> "http";
                    case "getServerName" -> "platform.test";
                    case "getServerPort" -> 8080;
                    case "getContextPath" -> "";
                    case "getServletPath" -> "/demo-netbox";
                    case "getHeader" -> headers.get((String) a[0]);
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "getInputStream" -> new ServletInputStream() {
                        public boolean isFinished() {
                            return input.available() == 0;
                        }

                        public boolean isReady() {
                            return true;
                        }

                        public void setReadListener(ReadListener l) {
                        }

                        public int read() {
                            return input.read();
                        }
                    };
                    default -> null;
                });
        Map<String, Object> result = new HashMap<>();
        Map<String, String> respHeaders = new HashMap<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        result.put("headers", respHeaders);
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{HttpServletResponse.class},
                (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> result.put("status", a[0]);
                        case "setHeader" -> respHeaders.put((String) a[0], (String) a[1]);
                        case "getOutputStream" -> {
                            return new ServletOutputStream() {
                                public boolean isReady() {
                                    return true;
                                }

                                public void setWriteListener(WriteListener l) {
                                }

                                public void write(int b) {
                                    out.write(b);
                                }
                            };
                        }
                        default -> {
                        }
                    }
                    return null;
                });
        servlet.service(req, resp);
        result.put("body", out.toString(StandardCharsets.UTF_8));
        return result;
    }
}
