package com.enreach.tools.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import com.enreach.tools.metrics.PlatformMetrics;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.ext.WriterInterceptorContext;

class RequestMetricsFilterTest {

    @Test
    void routesAreTemplatesNeverRawPaths() throws Exception {
        Method device = DeviceResource.class.getMethod("get", String.class);
        assertEquals("/api/devices/{id}", RequestMetricsFilter.template(DeviceResource.class, device));
        Method ready = HealthResource.class.getMethod("ready");
        assertEquals("/api/health/ready", RequestMetricsFilter.template(HealthResource.class, ready));
        assertEquals("other", RequestMetricsFilter.route(null));
        ResourceInfo unmatched = mock(ResourceInfo.class);
        assertEquals("other", RequestMetricsFilter.route(unmatched));
        ResourceInfo matched = mock(ResourceInfo.class);
        when(matched.getResourceMethod()).thenReturn(device);
        Mockito.<Class<?>>when(matched.getResourceClass()).thenReturn(DeviceResource.class);
        assertSame(RequestMetricsFilter.route(matched), RequestMetricsFilter.route(matched), "computed once per method");
    }

    @Test
    void anAnswerWithABodyIsRecordedOnceAfterItsBodyIsWritten() throws Exception {
        RequestMetricsFilter f = new RequestMetricsFilter();
        PlatformMetrics metrics = mock(PlatformMetrics.class);
        f.metrics = metrics;
        f.resource = mock(ResourceInfo.class);
        Map<String, Object> props = new HashMap<>();
        ContainerRequestContext request = request(props, "GET");
        f.filter(request);
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        when(response.getStatus()).thenReturn(401);
        when(response.hasEntity()).thenReturn(true);
        f.filter(request, response);
        verify(metrics, never()).restRequest(Mockito.any(), Mockito.any(), Mockito.anyInt(), anyLong());

        WriterInterceptorContext writing = mock(WriterInterceptorContext.class);
        when(writing.getProperty(Mockito.anyString())).thenAnswer(i -> props.get(i.getArgument(0, String.class)));
        Mockito.doAnswer(i -> props.remove(i.getArgument(0, String.class))).when(writing).removeProperty(Mockito.anyString());
        f.aroundWriteTo(writing);
        f.aroundWriteTo(writing); // a second chunk of a stream
        verify(metrics).restRequest(eq("GET"), eq("other"), eq(401), anyLong());
    }

    @Test
    void anAnswerWithoutABodyIsRecordedInTheResponseFilter() {
        RequestMetricsFilter f = new RequestMetricsFilter();
        PlatformMetrics metrics = mock(PlatformMetrics.class);
        f.metrics = metrics;
        f.resource = mock(ResourceInfo.class);
        ContainerRequestContext request = request(new HashMap<>(), "DELETE");
        f.filter(request);
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        when(response.getStatus()).thenReturn(204);
        f.filter(request, response);
        verify(metrics).restRequest(eq("DELETE"), eq("other"), eq(204), anyLong());
    }

    private static ContainerRequestContext request(Map<String, Object> props, String method) {
        ContainerRequestContext r = mock(ContainerRequestContext.class);
        when(r.getMethod()).thenReturn(method);
        Mockito.doAnswer(i -> props.put(i.getArgument(0), i.getArgument(1))).when(r).setProperty(Mockito.anyString(), Mockito.any());
        when(r.getProperty(Mockito.anyString())).thenAnswer(i -> props.get(i.getArgument(0, String.class)));
        Mockito.doAnswer(i -> props.remove(i.getArgument(0, String.class))).when(r).removeProperty(Mockito.anyString());
        return r;
    }
}
