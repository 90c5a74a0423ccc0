package com.enreach.tools.netbox.writer.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.enreach.tools.api.netbox.HistoryEntry;
import com.enreach.tools.api.netbox.ItemOutcome;
import com.enreach.tools.api.netbox.NetBoxStore;

/**
 * Writes the outcomes and history of answered requests on a thread of its own while the next request is on its way
 * (group commit: once {@value #WRITE_AT} are gathered, and what arrives while a write runs goes in the next one). Safe for the journal because
 * an item is recorded {@code applying} — synchronously, before its request is sent — and an item whose outcome was not
 * written yet when the process died is looked up in NetBox on resume, exactly as one whose answer was lost.
 * {@link #drain()} waits for everything handed over and rethrows a failed write.
 */
final class OutcomeWriter implements AutoCloseable {
    /**
     * Outcomes gathered before a write is started: a bulk request's answer is one write, while one-object requests
     * are written a hundred at a time rather than one transaction each.
     */
    static final int WRITE_AT = 100;
    private final NetBoxStore store;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "enreach-netbox-outcomes");
        t.setDaemon(true);
        return t;
    });
    private final List<ItemOutcome> outcomes = new ArrayList<>();
    private final List<HistoryEntry> entries = new ArrayList<>();
    private final List<Future<?>> writes = new ArrayList<>();
    private boolean queued;

    OutcomeWriter(NetBoxStore store) {
        this.store = store;
    }

    /** Hands outcomes and history over to be written soon; returns at once. */
    synchronized void submit(List<ItemOutcome> newOutcomes, List<HistoryEntry> newEntries) {
        if (newOutcomes.isEmpty() && newEntries.isEmpty()) {
            return;
        }
        outcomes.addAll(newOutcomes);
        entries.addAll(newEntries);
        if (outcomes.size() + entries.size() >= WRITE_AT) {
            startWrite();
        }
    }

    private synchronized void startWrite() {
        if (!queued && (!outcomes.isEmpty() || !entries.isEmpty())) {
            queued = true;
            writes.add(thread.submit(this::write));
        }
    }

    private void write() {
        List<ItemOutcome> o;
        List<HistoryEntry> h;
        synchronized (this) {
            o = List.copyOf(outcomes);
            h = List.copyOf(entries);
            outcomes.clear();
            entries.clear();
            queued = false;
        }
        store.recordOutcomes(o, h);
    }

    /** Waits until everything handed over is written; a failed write is rethrown (the items stay {@code applying}). */
    void drain() {
        startWrite(); // what is still gathered
        while (true) {
            List<Future<?>> pending;
            synchronized (this) {
                pending = List.copyOf(writes);
                writes.clear();
            }
            if (pending.isEmpty()) {
                return;
            }
            for (Future<?> f : pending) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while the apply's outcomes were being written", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    throw cause instanceof RuntimeException r ? r : new IllegalStateException("writing the apply's outcomes failed", cause);
                }
            }
        }
    }

    @Override
    public void close() {
        thread.shutdown();
    }
}
