package com.enreach.tools.netbox.writer.service;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.EntityService;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.NetBoxStore;
import com.enreach.tools.api.netbox.PreviewRequest;
import com.enreach.tools.api.netbox.ValidationQuery;
import com.enreach.tools.api.netbox.ValidationReport;
import com.enreach.tools.netbox.writer.apply.Target;

/**
 * Validation and preview through the mapping (packages {@code ...writer.mapping/.validation/.preview}): the previewer
 * builds the unsaved change set and the conflicts it found; the change set is stored (superseding the target's
 * pending ones) and the target's open conflicts replaced.
 */
final class Pipeline {
    private final NetBoxStore store;
    private final EntityService entities;

    Pipeline(NetBoxStore store, EntityService entities) {
        this.store = store;
        this.entities = entities;
    }

    ValidationReport validate(Target target, ValidationQuery query) {
        throw new ApiException(ApiException.Reason.UNAVAILABLE, "mapping_missing", null,
                "validation needs the NetBox mapping, which this build of the writer plugin does not contain yet", null);
    }

    ChangeSet preview(Target target, PreviewRequest request, String actor) {
        throw new ApiException(ApiException.Reason.UNAVAILABLE, "mapping_missing", null,
                "preview needs the NetBox mapping, which this build of the writer plugin does not contain yet", null);
    }
}
