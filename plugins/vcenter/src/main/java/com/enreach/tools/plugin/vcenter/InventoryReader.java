package com.enreach.tools.plugin.vcenter;

import com.enreach.tools.api.spi.RecordSink;
import com.enreach.tools.api.spi.SourceContext;
import com.enreach.tools.api.spi.SourceException;
import com.enreach.tools.source.support.Checks;
import com.enreach.tools.source.support.SessionRenewal;

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
    /** Once per run: a session lost again after a fresh login means logging in does not help. */
    private final SessionRenewal renewal;
    /** Where the read is ("virtual machines page 2"), for the warning about a lost session. */
    private String position;
    private InventoryPhase phase;

    InventoryReader(VimSession session, SourceContext context, RecordSink sink, int pageSize) {
        this.session = session;
        this.context = context;
        this.sink = sink;
        this.pageSize = pageSize;
        this.mapper = new InventoryMapper(sink, session.instanceUuid(), session.rootFolder());
        this.renewal = SessionRenewal.atMost(1, e -> e instanceof SoapFault.SessionLostException, this::loginAgain);
    }

    void readAll() throws SourceException {
        for (InventoryPhase p : InventoryPhase.values()) {
            phase = p;
            renewal.call(() -> {
                readPhase(p);
                return null;
            });
        }
    }

    /** The old view and continuation token died with the session: a new view, and the phase from its first page. */
    private void loginAgain() throws SourceException {
        sink.phase("login again (session lost during " + phase.label + ")");
        session.relogin();
        session.createView();
        // records of the pages read before are emitted again; the run's result must still say it happened
        sink.warn(null, "vCenter session lost at " + position + "; logged in again and re-read " + phase.label
                + " from its first page");
    }

    private void readPhase(InventoryPhase phase) throws SourceException {
        checkCancelled();
        sink.phase(phase.label);
        position = phase.label + " page 1";
        SoapReader.ObjectHandler handler = o -> mapper.accept(phase, o);
        String token = session.retrieve(phase.type, phase.paths, pageSize, handler);
        for (int page = 2; token != null; page++) {
            checkCancelled();
            position = phase.label + " page " + page;
            sink.phase(position);
            token = session.continueRetrieve(phase.type, token, page, handler);
        }
    }

    /** A cancelled run must not look complete, so it throws rather than returns. */
    private void checkCancelled() throws SourceException {
        Checks.notCancelled(context, "The vCenter run was cancelled before it read everything");
    }
}
