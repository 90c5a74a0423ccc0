package com.enreach.tools.plugin.vcenter;

import java.util.List;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;

/**
 * One logged-in vim25 session with a container view over the whole inventory. Every request goes through
 * {@link SourceContext#call} so the core retries what is retryable; parsing happens after the call returns, so a
 * retried request never emits the same page twice.
 */
final class VimSession {
    /** What the view holds; DistributedVirtualPortgroup is a Network, listed for servers that do not expand subtypes. */
    static final List<String> VIEW_TYPES = List.of("Datacenter", "Folder", "ComputeResource", "ClusterComputeResource", "Network",
            "DistributedVirtualPortgroup", "HostSystem", "VirtualMachine");

    private final SoapTransport soap;
    private final SourceContext context;
    private final Credentials credentials;
    private XmlNode serviceContent;
    private String view;
    private boolean loggedIn;

    /** User name and password; toString never shows the password. */
    record Credentials(String username, String password) {
        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    VimSession(SoapTransport soap, SourceContext context, Credentials credentials) {
        this.soap = soap;
        this.context = context;
        this.credentials = credentials;
    }

    /** RetrieveServiceContent and Login. */
    void login() throws SourceException {
        byte[] answer = context.call("RetrieveServiceContent", () -> soap.post("RetrieveServiceContent", VimRequests.retrieveServiceContent()));
        XmlNode returnval = SoapReader.readResponse(answer, "vCenter RetrieveServiceContent").child("returnval");
        if (returnval == null || returnval.text("sessionManager") == null || returnval.text("propertyCollector") == null) {
            throw PermanentSourceException.malformed("vCenter RetrieveServiceContent", "no service content (is url a vCenter or ESXi?)", null);
        }
        serviceContent = returnval;
        soap.apiVersion(returnval.text("about", "apiVersion"));
        relogin();
    }

    /** Login again on the known service content (after a lost session); views die with their session. */
    void relogin() throws SourceException {
        view = null;
        String body = VimRequests.login(serviceContent.text("sessionManager"), credentials.username(), credentials.password());
        byte[] answer = context.call("Login", () -> soap.post("Login", body));
        SoapReader.readResponse(answer, "vCenter Login");
        loggedIn = true;
    }

    /** "VMware vCenter Server 8.0.2 build-22385739, API 8.0.2.0". */
    String about() {
        String name = serviceContent.text("about", "fullName");
        return (name == null ? "vCenter" : name) + ", API " + serviceContent.text("about", "apiVersion");
    }

    /** The vCenter's own id ({@code about.instanceUuid}), which names it in object links; null for ESXi. */
    String instanceUuid() {
        return serviceContent.text("about", "instanceUuid");
    }

    /** The root folder's moref, where every inventory path starts. */
    String rootFolder() {
        return serviceContent.text("rootFolder");
    }

    /** Creates the recursive container view over the root folder, once per login. */
    void createView() throws SourceException {
        String body = VimRequests.createContainerView(serviceContent.text("viewManager"), serviceContent.text("rootFolder"), VIEW_TYPES);
        byte[] answer = context.call("CreateContainerView", () -> soap.post("CreateContainerView", body));
        String ref = SoapReader.readResponse(answer, "vCenter CreateContainerView").text("returnval");
        if (ref == null) {
            throw PermanentSourceException.malformed("vCenter CreateContainerView", "no view reference in the answer", null);
        }
        view = ref;
    }

    /**
     * Reads the first page of one type's objects.
     *
     * @return the continuation token, or null when there are no more pages
     */
    String retrieve(String type, List<String> paths, int maxObjects, SoapReader.ObjectHandler handler) throws SourceException {
        String operation = "RetrievePropertiesEx " + type + " page 1";
        String body = VimRequests.retrievePropertiesEx(serviceContent.text("propertyCollector"), view, type, paths, maxObjects);
        byte[] answer = context.call(operation, () -> soap.post(operation, body));
        return SoapReader.readPage(answer, "vCenter " + operation, handler);
    }

    /** Reads the next page; {@code page} only names it in messages. */
    String continueRetrieve(String type, String token, int page, SoapReader.ObjectHandler handler) throws SourceException {
        String operation = "ContinueRetrievePropertiesEx " + type + " page " + page;
        String body = VimRequests.continueRetrievePropertiesEx(serviceContent.text("propertyCollector"), token);
        byte[] answer = context.call(operation, () -> soap.post(operation, body));
        return SoapReader.readPage(answer, "vCenter " + operation, handler);
    }

    /**
     * DestroyView and Logout, also after a failure. One attempt each, outside the retry policy: a retry storm on the
     * way out would only delay reporting the failure that matters, and vCenter expires idle sessions anyway.
     */
    void close() {
        if (!loggedIn) {
            return;
        }
        if (view != null) {
            try {
                soap.post("DestroyView", VimRequests.destroyView(view));
            } catch (SourceException | RuntimeException ignored) {
                // best effort
            }
            view = null;
        }
        try {
            soap.post("Logout", VimRequests.logout(serviceContent.text("sessionManager")));
        } catch (SourceException | RuntimeException ignored) {
            // best effort
        }
        loggedIn = false;
    }
}
