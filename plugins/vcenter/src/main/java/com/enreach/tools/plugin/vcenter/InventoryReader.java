package com.enreach.tools.plugin.vcenter;

import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;

/**
 * Reads every phase page by page, emitting records as each page is parsed. A session lost mid-run
 * (NotAuthenticated) is answered by logging in once more and reading the interrupted phase again from its first
 * page: the view and the continuation token died with the old session. Devices re-emitted that way replace
 * themselves (records are keyed by source id).
 */
final class InventoryReader {
    private final VimSession session;
    private final SourceContext context;
    private final RecordSink sink;
    private final int pageSize;
    private final InventoryMapper mapper;
    private boolean loggedInAgain;

    InventoryReader(VimSession session, SourceContext context, RecordSink sink, int pageSize) {
        this.session = session;
        this.context = context;
        this.sink = sink;
        this.pageSize = pageSize;
        this.mapper = new InventoryMapper(sink, session.instanceUuid(), session.rootFolder());
    }

    void readAll() throws SourceException {
        for (InventoryPhase phase : InventoryPhase.values()) {
            while (true) {
                try {
                    readPhase(phase);
                    break;
                } catch (SoapFault.SessionLostException e) {
                    if (loggedInAgain) {
                        throw e;
                    }
                    loggedInAgain = true;
                    sink.phase("login again (session lost during " + phase.label + ")");
                    session.relogin();
                    session.createView();
                }
            }
        }
    }

    private void readPhase(InventoryPhase phase) throws SourceException {
        checkCancelled();
        sink.phase(phase.label);
        SoapReader.ObjectHandler handler = o -> mapper.accept(phase, o);
        String token = session.retrieve(phase.type, phase.paths, pageSize, handler);
        for (int page = 2; token != null; page++) {
            checkCancelled();
            sink.phase(phase.label + " page " + page);
            token = session.continueRetrieve(phase.type, token, page, handler);
        }
    }

    /** A cancelled run must not look complete, so it throws rather than returns. */
    private void checkCancelled() throws SourceException {
        Checks.notCancelled(context, "The vCenter run was cancelled before it read everything");
    }
}
