package com.enreach.tools.rest.internal;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.enreach.tools.api.ApiToken;
import com.enreach.tools.api.Role;
import com.enreach.tools.api.ui.UiExtension;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * The pages plugins add to the web UI ({@link UiExtension} services), as the caller's role may see them. Bound
 * dynamically: a plugin's page is listed from the moment its jar is deployed until it is removed.
 */
@Component(service = UiExtensionResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("ui/extensions")
@Produces(MediaType.APPLICATION_JSON)
public class UiExtensionResource {
    private static final Logger LOG = LoggerFactory.getLogger(UiExtensionResource.class);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    /** Same-origin absolute paths only: the page's Content-Security-Policy would refuse anything else anyway. */
    private static final Pattern MODULE = Pattern.compile("/(?!/)[A-Za-z0-9._~/-]*\\.m?js");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<UiExtension> extensions = List.of();

    /** One navigation entry. */
    public record Entry(String id, String title, String moduleUrl, String section, int order) {
    }

    @GET
    public List<Entry> list(@Context ContainerRequestContext request) {
        Role role = request.getProperty(AuthFilter.TOKEN_PROPERTY) instanceof ApiToken t ? t.role() : Role.VIEWER;
        return visible(extensions, role);
    }

    /** The valid extensions the role may see, by section, order and title; invalid ones are skipped with a warning. */
    static List<Entry> visible(List<UiExtension> extensions, Role role) {
        return extensions.stream().map(e -> entry(e, role)).filter(e -> e != null)
                .sorted(Comparator.comparing(Entry::section).thenComparingInt(Entry::order).thenComparing(Entry::title)).toList();
    }

    private static Entry entry(UiExtension e, Role role) {
        try {
            Role needed = e.requiredRole() == null ? Role.VIEWER : e.requiredRole();
            if (!role.includes(needed)) {
                return null;
            }
            String id = e.id();
            String module = e.moduleUrl();
            if (id == null || !ID.matcher(id).matches() || module == null || !MODULE.matcher(module).matches()
                    || e.title() == null || e.title().isBlank()) {
                LOG.warn("UI extension {} skipped: id must be lower case letters, digits and dashes, moduleUrl a same-origin .js path, "
                        + "title non-blank (got id '{}', moduleUrl '{}')", e.getClass().getName(), id, module);
                return null;
            }
            String section = e.section() == null || e.section().isBlank() ? "Plugins" : e.section();
            return new Entry(id, e.title(), module, section, e.order());
        } catch (RuntimeException ex) {
            LOG.warn("UI extension {} skipped: {}", e.getClass().getName(), ex.toString());
            return null;
        }
    }
}
