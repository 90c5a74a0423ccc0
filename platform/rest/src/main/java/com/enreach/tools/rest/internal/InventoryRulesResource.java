package com.enreach.tools.rest.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

import com.enreach.tools.api.inventory.ConflictService;
import com.enreach.tools.api.inventory.ResolutionRules;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The golden-record rules in force (read only; they are edited in {@code etc/inventory-rules.json}). */
@Component(service = InventoryRulesResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@Path("inventory/rules")
@Produces(MediaType.APPLICATION_JSON)
public class InventoryRulesResource {
    @Reference
    ConflictService conflicts;

    @GET
    public ResolutionRules rules() {
        return conflicts.rules();
    }
}
