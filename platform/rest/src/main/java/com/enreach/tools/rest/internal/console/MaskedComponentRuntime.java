package com.enreach.tools.rest.internal.console;

import java.util.Collection;

import org.osgi.framework.Bundle;
import org.osgi.framework.dto.ServiceReferenceDTO;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.util.promise.Promise;
import com.enreach.tools.api.plugin.SecretKeys;

/**
 * The Declarative Services runtime as the web console's DS plugin sees it (Components page, its JSON and the "scr"
 * status printer): every DTO with secret property values masked. {@link ConsoleServiceFilter} shows this service to
 * that plugin only, and hides the real runtime from it. Enabling and disabling components is passed through.
 *
 * <p>The runtime returns fresh snapshot DTOs on every call, so masking them in place changes nothing else.
 */
@Component(property = ConsoleServiceFilter.MASKED + ":Boolean=true")
public class MaskedComponentRuntime implements ServiceComponentRuntime {
    @Reference(target = "(!(" + ConsoleServiceFilter.MASKED + "=true))")
    ServiceComponentRuntime runtime;

    @Override
    public Collection<ComponentDescriptionDTO> getComponentDescriptionDTOs(Bundle... bundles) {
        Collection<ComponentDescriptionDTO> all = runtime.getComponentDescriptionDTOs(bundles);
        all.forEach(MaskedComponentRuntime::mask);
        return all;
    }

    @Override
    public ComponentDescriptionDTO getComponentDescriptionDTO(Bundle bundle, String name) {
        return mask(runtime.getComponentDescriptionDTO(bundle, name));
    }

    @Override
    public Collection<ComponentConfigurationDTO> getComponentConfigurationDTOs(ComponentDescriptionDTO description) {
        Collection<ComponentConfigurationDTO> all = runtime.getComponentConfigurationDTOs(description);
        all.forEach(MaskedComponentRuntime::mask);
        return all;
    }

    @Override
    public boolean isComponentEnabled(ComponentDescriptionDTO description) {
        return runtime.isComponentEnabled(description);
    }

    @Override
    public Promise<Void> enableComponent(ComponentDescriptionDTO description) {
        return runtime.enableComponent(description);
    }

    @Override
    public Promise<Void> disableComponent(ComponentDescriptionDTO description) {
        return runtime.disableComponent(description);
    }

    static ComponentDescriptionDTO mask(ComponentDescriptionDTO d) {
        if (d != null) {
            d.properties = SecretKeys.masked(d.properties);
            d.factoryProperties = SecretKeys.masked(d.factoryProperties);
        }
        return d;
    }

    static ComponentConfigurationDTO mask(ComponentConfigurationDTO c) {
        if (c != null) {
            mask(c.description);
            c.properties = SecretKeys.masked(c.properties);
            mask(c.service);
            if (c.satisfiedReferences != null) {
                for (SatisfiedReferenceDTO r : c.satisfiedReferences) {
                    mask(r.boundServices);
                }
            }
            if (c.unsatisfiedReferences != null) {
                for (UnsatisfiedReferenceDTO r : c.unsatisfiedReferences) {
                    mask(r.targetServices);
                }
            }
        }
        return c;
    }

    private static void mask(ServiceReferenceDTO... services) {
        if (services != null) {
            for (ServiceReferenceDTO s : services) {
                if (s != null) {
                    s.properties = SecretKeys.masked(s.properties);
                }
            }
        }
    }
}
