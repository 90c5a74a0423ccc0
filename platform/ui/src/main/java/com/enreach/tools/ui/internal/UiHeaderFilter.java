package com.enreach.tools.ui.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the UI's security headers on everything under {@code /ui/}, including the pages plugins serve there
 * ({@code /ui/ext/<id>/}) from their own bundles.
 */
@Component(service = Filter.class, property = {
        "osgi.http.whiteboard.filter.pattern=/ui/*",
        "osgi.http.whiteboard.filter.name=enreach-ui-headers"})
public class UiHeaderFilter implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (response instanceof HttpServletResponse http) {
            SecurityHeaders.apply(http);
        }
        chain.doFilter(request, response);
    }
}
