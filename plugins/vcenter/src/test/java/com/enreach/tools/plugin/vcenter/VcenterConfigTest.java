package com.enreach.tools.plugin.vcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.TestContext;

class VcenterConfigTest {

    private static List<FieldError> errors(Map<String, Object> cfg) {
        return new VcenterConnector(cfg, name -> name.equals("VC_PASSWORD") ? "from-env" : null).validate();
    }

    @Test
    void describesItself() {
        assertEquals("vcenter", new VcenterConnector(Map.of()).descriptor().kind());
    }

    @Test
    void requiredKeysAreReportedPerField() {
        List<FieldError> e = errors(Map.of());
        assertEquals(List.of("url", "username", "password"), e.stream().map(FieldError::field).toList());
        assertTrue(e.stream().allMatch(x -> x.code().equals("required")));
    }

    @Test
    void aValidFileHasNoErrorsAndThePasswordMayComeFromTheEnvironment() {
        assertEquals(List.of(), errors(Map.of("url", "https://vc.example.com", "username", "svc", ".password", "x")));
        assertEquals(List.of(), errors(Map.of("url", "https://vc.example.com/sdk", "username", "svc", "password.env", "VC_PASSWORD")));
        List<FieldError> e = errors(Map.of("url", "https://vc.example.com", "username", "svc", "password.env", "UNSET_VARIABLE"));
        assertEquals("missing_env", e.get(0).code());
    }

    @Test
    void aPlainPasswordKeyIsRefusedWithoutEchoingIt() {
        List<FieldError> e = errors(Map.of("url", "https://vc.example.com", "username", "svc", "password", "Hunter2!"));
        assertEquals("insecure", e.get(0).code());
        assertFalse(e.get(0).message().contains("Hunter2!"));
    }

    @Test
    void badValuesAreReported() {
        List<FieldError> e = errors(Map.of("url", "vc.example.com", "username", "svc", ".password", "x", "page.size", "0",
                "insecure", "yes", "ca.file", "/nonexistent/ca.pem", "timeout.seconds", "soon"));
        assertEquals(List.of("url:invalid", "insecure:invalid", "page.size:out_of_range", "timeout.seconds:invalid", "ca.file:not_found"),
                e.stream().map(x -> x.field() + ":" + x.code()).toList());
    }

    @Test
    void fetchWithABadFileFailsAsConfigWithoutConnecting() {
        VcenterConnector c = new VcenterConnector(Map.of("url", "https://vc.example.com", "username", "svc"));
        PermanentSourceException e = assertThrows(PermanentSourceException.class, () -> c.fetch(new TestContext("vcenter-x"), new CollectingSink()));
        assertEquals("config", e.code());
        assertEquals("password", e.field());
        assertFalse(c.checkConnection(new TestContext("vcenter-x")).ok());
    }

    @Test
    void theCoreKeysAreCheckedLikeThePlugins() {
        assertEquals(List.of("schedule.minutes:out_of_range", "delete.budget.percent:out_of_range"),
                errors(Map.of("url", "https://vc.example.com", "username", "svc", ".password", "x", "schedule.minutes", "-5",
                        "delete.budget.percent", "150")).stream().map(e -> e.field() + ":" + e.code()).toList());
    }
}
