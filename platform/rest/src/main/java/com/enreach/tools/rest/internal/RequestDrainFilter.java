package com.enreach.tools.rest.internal;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;

/**
 * Reads what is left of a request body before the answer goes out. A request refused before its body was read (401,
 * 403, a 400 on a path parameter) otherwise leaves bytes on the connection; Jetty then closes the kept-alive connection
 * after the answer, and a client that reuses it for its next request sees "EOF reached while reading" instead of an
 * answer. Bodies larger than {@link #LIMIT} are not drained: Jetty may close that connection, as it should for a client
 * sending megabytes to a route that refused it.
 */
@Component(service = ContainerResponseFilter.class)
@JakartarsExtension
@JakartarsName("enreach.drain")
@Priority(1)
public class RequestDrainFilter implements ContainerResponseFilter {
    static final int LIMIT = 1 << 20;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        try {
            // a request that declares no body (no Content-Length above 0, not chunked: every GET here) has nothing to
            // drain, and asking the container whether it has an entity costs a read attempt on the connection
            if (request.getLength() <= 0 && request.getHeaderString("Transfer-Encoding") == null) {
                return;
            }
            if (request.getLength() > LIMIT || !request.hasEntity()) {
                return;
            }
            drain(request.getEntityStream());
        } catch (IllegalStateException e) {
            // Jersey has read and closed the body already: nothing is left on the connection
        }
    }

    /** Reads up to {@link #LIMIT} bytes and discards them; a stream already read or closed is left as it is. */
    static void drain(InputStream in) {
        if (in == null) {
            return;
        }
        byte[] buffer = new byte[8192];
        long left = LIMIT;
        try {
            int n;
            while (left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
                left -= n;
            }
        } catch (IOException | IllegalStateException e) {
            // already consumed or closed by the resource: nothing left to drain
        }
    }
}
