package com.enreach.tools.rest.internal.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.dto.ServiceReferenceDTO;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.SatisfiedReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import com.enreach.tools.api.plugin.SecretKeys;

class MaskedComponentRuntimeTest {
    private static Map<String, Object> props() {
        return new HashMap<>(Map.of(".password", "p1", "api.token", "p2", "url", "https://x", "password.env", "VAR"));
    }

    private static final Map<String, Object> MASKED = Map.of(".password", SecretKeys.MASK, "api.token", SecretKeys.MASK, "url", "https://x",
            "password.env", "VAR");

    @Test
    void everyPropertyMapOfEveryDtoIsMasked() {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.properties = props();
        d.factoryProperties = props();
        ComponentConfigurationDTO c = new ComponentConfigurationDTO();
        c.description = d;
        c.properties = props();
        c.service = service();
        SatisfiedReferenceDTO sat = new SatisfiedReferenceDTO();
        sat.boundServices = new ServiceReferenceDTO[] {service()};
        c.satisfiedReferences = new SatisfiedReferenceDTO[] {sat};
        UnsatisfiedReferenceDTO unsat = new UnsatisfiedReferenceDTO();
        unsat.targetServices = new ServiceReferenceDTO[] {service()};
        c.unsatisfiedReferences = new UnsatisfiedReferenceDTO[] {unsat};

        ServiceComponentRuntime real = mock(ServiceComponentRuntime.class);
        when(real.getComponentConfigurationDTOs(any())).thenReturn(List.of(c));
        MaskedComponentRuntime masked = new MaskedComponentRuntime();
        masked.runtime = real;

        ComponentConfigurationDTO out = masked.getComponentConfigurationDTOs(d).iterator().next();
        assertEquals(MASKED, out.properties);
        assertEquals(MASKED, out.description.properties);
        assertEquals(MASKED, out.description.factoryProperties);
        assertEquals(MASKED, out.service.properties);
        assertEquals(MASKED, out.satisfiedReferences[0].boundServices[0].properties);
        assertEquals(MASKED, out.unsatisfiedReferences[0].targetServices[0].properties);
    }

    @Test
    void descriptionsAreMaskedAndMissingOnesStayMissing() {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.properties = props();
        ServiceComponentRuntime real = mock(ServiceComponentRuntime.class);
        Bundle b = mock(Bundle.class);
        when(real.getComponentDescriptionDTOs(b)).thenReturn(List.of(d));
        when(real.getComponentDescriptionDTO(b, "x")).thenReturn(null);
        MaskedComponentRuntime masked = new MaskedComponentRuntime();
        masked.runtime = real;
        assertEquals(MASKED, masked.getComponentDescriptionDTOs(b).iterator().next().properties);
        assertEquals(null, masked.getComponentDescriptionDTO(b, "x"));
    }

    private static ServiceReferenceDTO service() {
        ServiceReferenceDTO s = new ServiceReferenceDTO();
        s.properties = props();
        return s;
    }
}
