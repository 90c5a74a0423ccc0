package com.enreach.tools.plugin.vcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.RetryableSourceException;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.testkit.CollectingSink;
import com.enreach.tools.testkit.FixtureServer;
import com.enreach.tools.testkit.FixtureServer.Response;
import com.enreach.tools.testkit.TestContext;

/** Retries, faults, broken pages and lost sessions, scripted on a SOAP double. */
class VcenterFaultTest {
    private final SoapDouble vc = new SoapDouble();
    private final CollectingSink sink = new CollectingSink();
    private final TestContext context = new TestContext("vcenter-test");

    @AfterEach
    void close() {
        vc.close();
    }

    private void fetch() throws SourceException {
        new VcenterConnector(vc.config()).fetch(context, sink);
    }

    private SourceException fetchFails() {
        return assertThrows(SourceException.class, this::fetch);
    }

    @Test
    void unavailableIsRetriedAndThePageReadOnce() throws Exception {
        vc.once("ContinueRetrievePropertiesEx", Response.status(503));
        fetch();
        assertEquals(List.of("ContinueRetrievePropertiesEx VirtualMachine page 2: unavailable"), context.retried);
        assertEquals(2, vc.count("ContinueRetrievePropertiesEx"));
        assertEquals(3, sink.devicesOfType(DeviceTypes.VM).size());
    }

    @Test
    void proxyErrorPageWithStatus500IsRetryableNotAFault() throws Exception {
        vc.once("RetrievePropertiesEx HostSystem", Response.text(500, "text/html", "<html><body>Bad gateway</body></html>"));
        fetch();
        assertEquals(List.of("RetrievePropertiesEx HostSystem page 1: unavailable"), context.retried);
    }

    @Test
    void retryAfterOf429IsHonoured() throws Exception {
        vc.once("RetrievePropertiesEx VirtualMachine", Response.status(429).withHeader("Retry-After", "7"));
        fetch();
        assertEquals(List.of(Duration.ofSeconds(7)), context.requestedDelays);
        assertEquals(3, sink.devicesOfType(DeviceTypes.VM).size());
    }

    @Test
    void unavailableForeverFailsRetryably() {
        Response[] down = new Response[4];
        Arrays.fill(down, Response.status(503));
        vc.once("RetrievePropertiesEx ClusterComputeResource", down);
        SourceException e = fetchFails();
        assertTrue(e instanceof RetryableSourceException, e.toString());
        assertEquals(3, context.retried.size());
        assertEquals(1, vc.count("Logout"), "logs out after a failure too");
    }

    @Test
    void truncatedPageThrowsAfterEmittingWhatItRead() {
        String page2 = FixtureServer.resource(SoapDouble.class, "vms-page2.xml");
        String cut = page2.substring(0, page2.indexOf("<missingSet>"));
        vc.once("ContinueRetrievePropertiesEx", Response.text(200, "text/xml", cut));
        SourceException e = fetchFails();
        assertEquals("malformed", e.code());
        assertFalse(e.retryable());
        assertTrue(e.userMessage().contains("ContinueRetrievePropertiesEx VirtualMachine page 2"), e.userMessage());
        assertEquals(2, sink.devicesOfType(DeviceTypes.VM).size(), "page 1 was streamed before page 2 broke");
        assertNull(sink.state);
        assertEquals(List.of("DestroyView", "Logout"), vc.calls.subList(vc.calls.size() - 2, vc.calls.size()));
    }

    @Test
    void truncatedFirstObjectIsNotEmitted() {
        String page1 = FixtureServer.resource(SoapDouble.class, "vms-page1.xml");
        vc.once("RetrievePropertiesEx VirtualMachine", Response.text(200, "text/xml", page1.substring(0, page1.length() / 3)));
        assertEquals("malformed", fetchFails().code());
        assertTrue(sink.devicesOfType(DeviceTypes.VM).isEmpty());
    }

    @Test
    void htmlInsteadOfSoapIsMalformed() {
        vc.once("RetrieveServiceContent", Response.text(200, "text/html", "<!DOCTYPE html><html><body>Sign in</body></html>"));
        assertEquals("malformed", fetchFails().code());
    }

    @Test
    void lostSessionMidRunLogsInOnceMoreAndRereadsThePhase() throws Exception {
        vc.once("ContinueRetrievePropertiesEx", SoapDouble.fault("not-authenticated-fault.xml"));
        fetch();
        assertEquals(2, vc.count("Login"));
        assertEquals(2, vc.count("CreateContainerView"));
        assertEquals(2, vc.count("RetrievePropertiesEx VirtualMachine"), "the VM phase starts again: the token died with the session");
        assertEquals(1, vc.count("RetrievePropertiesEx HostSystem"), "finished phases are not read again");
        assertEquals(3, sink.devicesOfType(DeviceTypes.VM).size());
        assertTrue(sink.phases.contains("login again (session lost during virtual machines)"), sink.phases.toString());
        assertTrue(context.retried.isEmpty());
        assertTrue(sink.warnings.contains("null: vCenter session lost at virtual machines page 2; logged in again and"
                + " re-read virtual machines from its first page"), "a run warning, not only a phase message: " + sink.warnings);
    }

    /** No parser internals in a message people read: no class names, no parser locations. */
    private static void assertPlain(String m) {
        for (String internal : new String[] {"com.fasterxml", "javax.xml", "Source:", "line", "column", "Exception", "ParseError"}) {
            assertFalse(m.contains(internal), m);
        }
    }

    @Test
    void brokenAnswersNameTheRequestAndPageInPlainWords() {
        String page2 = FixtureServer.resource(SoapDouble.class, "vms-page2.xml");
        vc.once("ContinueRetrievePropertiesEx", Response.text(200, "text/xml", page2.substring(0, page2.length() / 2)));
        SourceException cut = fetchFails();
        assertTrue(cut.userMessage().startsWith("Malformed response from vCenter ContinueRetrievePropertiesEx VirtualMachine"
                + " page 2: "), cut.userMessage());
        assertPlain(cut.userMessage());

        vc.once("RetrievePropertiesEx HostSystem", Response.text(200, "text/xml", "<soapenv:Envelope><a></b>"));
        SourceException bad = fetchFails();
        assertTrue(bad.userMessage().contains("RetrievePropertiesEx HostSystem page 1"), bad.userMessage());
        assertPlain(bad.userMessage());

        vc.once("RetrieveServiceContent", Response.text(200, "text/html", "<!DOCTYPE html><html><body>Sign in<br></body></html>"));
        SourceException html = fetchFails();
        assertTrue(html.userMessage().contains("RetrieveServiceContent"), html.userMessage());
        assertPlain(html.userMessage());
    }

    @Test
    void sessionLostTwiceIsAnAuthFailure() {
        vc.once("ContinueRetrievePropertiesEx", SoapDouble.fault("not-authenticated-fault.xml"), SoapDouble.fault("not-authenticated-fault.xml"));
        SourceException e = fetchFails();
        assertEquals("auth", e.code());
        assertEquals(2, vc.count("Login"));
    }

    @Test
    void invalidLoginIsPermanentAtOnceAndKeepsThePasswordOut() {
        vc.once("Login", SoapDouble.fault("invalid-login-fault.xml"));
        SourceException e = fetchFails();
        assertEquals("auth", e.code());
        assertEquals("username", e.field());
        assertTrue(context.retried.isEmpty());
        assertEquals(0, vc.count("RetrievePropertiesEx"));
        assertEquals(0, vc.count("Logout"), "nothing to log out of");
        assertFalse(e.getMessage().contains("s3cret") || e.userMessage().contains("s3cret"));
    }

    @Test
    void otherFaultsArePermanentWithTheirType() {
        vc.once("RetrievePropertiesEx HostSystem", SoapDouble.fault("invalid-property-fault.xml"));
        SourceException e = fetchFails();
        assertEquals("vim_fault", e.code());
        assertTrue(e.userMessage().contains("InvalidProperty"), e.userMessage());
        assertTrue(e.userMessage().contains("A specified parameter was not correct: pathSet"), e.userMessage());
        assertTrue(context.retried.isEmpty());
    }

    @Test
    void http401AndWrongPathAreClassified() {
        vc.once("Login", Response.status(401));
        assertEquals("auth", fetchFails().code());
        CheckResult r = new VcenterConnector(withUrl(vc.server.uri() + "/ui")).checkConnection(new TestContext("vcenter-test"));
        assertEquals("not_found", r.errors().get(0).code());
        assertEquals("url", r.errors().get(0).field());
    }

    private java.util.Map<String, Object> withUrl(String url) {
        java.util.Map<String, Object> cfg = vc.config();
        cfg.put("url", url);
        return cfg;
    }

    @Test
    void emptyInventoryIsACompleteFetch() throws Exception {
        for (String type : List.of("ClusterComputeResource", "Network", "HostSystem", "VirtualMachine")) {
            vc.page(type, "empty-page.xml");
        }
        fetch();
        assertTrue(sink.devices.isEmpty());
        assertEquals(0, vc.count("ContinueRetrievePropertiesEx"));
    }

    @Test
    void cancellationBetweenPagesThrows() {
        CollectingSink cancelling = new CollectingSink() {
            @Override
            public void device(DeviceRecord device) {
                super.device(device);
                context.cancel = true;
            }
        };
        SourceException e = assertThrows(SourceException.class, () -> new VcenterConnector(vc.config()).fetch(context, cancelling));
        assertEquals("cancelled", e.code());
        assertEquals(1, cancelling.devices.size());
        assertEquals(1, vc.count("Logout"));
    }

    @Test
    void checkConnectionReportsTheVersionAndLogsOut() {
        CheckResult r = new VcenterConnector(vc.config()).checkConnection(new TestContext("vcenter-test"));
        assertTrue(r.ok(), r.toString());
        assertEquals("VMware vCenter Server 8.0.2 build-22385739, API 8.0.2.0", r.detail());
        assertEquals(List.of("RetrieveServiceContent", "Login", "Logout"), vc.calls);
    }
}
