package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.Device;
import com.enreach.tools.api.DeviceDetail;
import com.enreach.tools.api.DeviceQuery;
import com.enreach.tools.api.DeviceService;
import com.enreach.tools.api.Page;

import jakarta.ws.rs.core.Response;

/** Expensive queries beyond the bound are refused with 503 and Retry-After, not queued. */
class QueryGateTest {
    private final AtomicInteger finds = new AtomicInteger();

    private DeviceResource resource(QueryGate gate) {
        DeviceResource r = new DeviceResource();
        r.gate = gate;
        r.devices = new DeviceService() {
            @Override
            public Page<Device> find(DeviceQuery query) {
                finds.incrementAndGet();
                return new Page<>(0, query.limit(), query.offset(), List.of());
            }

            @Override
            public Optional<DeviceDetail> get(long id) {
                return Optional.empty();
            }

            @Override
            public Optional<DeviceDetail> resolve(String idOrName) {
                return Optional.empty();
            }

            @Override
            public Device quarantine(long id, boolean quarantined) {
                throw new UnsupportedOperationException();
            }
        };
        return r;
    }

    @Test
    void whenEveryPermitIsTakenASearchIsRefusedWith503AndRetryAfter() {
        QueryGate gate = new QueryGate(2, Duration.ZERO);
        DeviceResource devices = resource(gate);
        assertTrue(gate.enter());
        assertTrue(gate.enter());
        ApiException e = assertThrows(ApiException.class, () -> devices.list(null, null, null, null, "web01", null, null, null));
        assertEquals(0, finds.get(), "the refused query never reached the database");
        Response r = new ExceptionMappers().toResponse(e);
        assertEquals(503, r.getStatus());
        assertEquals("1", r.getHeaderString("Retry-After"));
        assertEquals("too_many_queries", ((ErrorBody) r.getEntity()).error().code());

        gate.leave();
        Envelope<com.enreach.tools.api.Device> page = devices.list(null, null, null, null, "web01", null, null, null);
        assertEquals(0L, page.count());
        assertEquals(1, finds.get());
        assertTrue(gate.enter(), "the permit was given back after the query");
    }

    @Test
    void aQueryThatRanPastItsBudgetIsA503Too() {
        Response r = new ExceptionMappers().toResponse(new ApiException(ApiException.Reason.OVERLOADED, "overloaded", null, "busy", null));
        assertEquals(503, r.getStatus());
        assertEquals("1", r.getHeaderString("Retry-After"));
    }
}
