package com.enreach.tools.itests;

import java.util.List;
import java.util.Set;

import com.enreach.tools.api.plugin.CheckResult;
import com.enreach.tools.api.spi.DeviceRecord;
import com.enreach.tools.api.spi.DeviceTypes;
import com.enreach.tools.api.spi.EntityKinds;
import com.enreach.tools.api.plugin.FieldError;
import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceConnector;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceDescriptor;

/** A second, tiny source plugin (registered by the test bundle) that emits three servers. */
final class StubConnector implements SourceConnector {
    static final String KIND = "itstub";

    @Override
    public SourceDescriptor descriptor() {
        return new SourceDescriptor(KIND, "Integration test stub", Set.of(EntityKinds.DEVICE), "Three servers");
    }

    @Override
    public List<FieldError> validate() {
        return List.of();
    }

    @Override
    public CheckResult checkConnection(SourceContext context) {
        return CheckResult.ok("stub");
    }

    @Override
    public void fetch(SourceContext context, RecordSink sink) {
        for (int i = 1; i <= 3; i++) {
            sink.device(DeviceRecord.of("stub-" + i, "stub-host-" + i, DeviceTypes.SERVER).hostname("stub-host-" + i + ".itest.example"));
        }
    }
}
