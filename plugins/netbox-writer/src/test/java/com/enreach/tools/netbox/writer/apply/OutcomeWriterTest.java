package com.enreach.tools.netbox.writer.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.enreach.tools.api.netbox.ItemOutcome;
import com.enreach.tools.api.netbox.NetBoxStore;

class OutcomeWriterTest {
    final List<List<ItemOutcome>> written = new CopyOnWriteArrayList<>();
    volatile CountDownLatch hold = new CountDownLatch(0);
    volatile RuntimeException failWith;

    final NetBoxStore store = (NetBoxStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {NetBoxStore.class},
            (p, m, a) -> {
                if (!m.getName().equals("recordOutcomes")) {
                    throw new UnsupportedOperationException(m.getName());
                }
                hold.await(10, TimeUnit.SECONDS);
                if (failWith != null) {
                    throw failWith;
                }
                @SuppressWarnings("unchecked")
                List<ItemOutcome> o = (List<ItemOutcome>) a[0];
                written.add(o);
                return List.of();
            });

    static List<ItemOutcome> applied(long... ids) {
        return java.util.Arrays.stream(ids).mapToObj(i -> new ItemOutcome(i, "applied", 100 + i, null)).toList();
    }

    @Test
    void whatArrivesWhileAWriteRunsGoesInTheNextOneAndDrainWaitsForAll() throws Exception {
        hold = new CountDownLatch(1);
        try (OutcomeWriter w = new OutcomeWriter(store)) {
            w.submit(applied(1), List.of());
            // the first write is held: what comes while it waits is coalesced into later transactions
            w.submit(applied(2), List.of());
            w.submit(applied(3, 4), List.of());
            hold.countDown();
            w.drain();
        }
        List<Long> all = written.stream().flatMap(List::stream).map(ItemOutcome::itemId).toList();
        assertEquals(List.of(1L, 2L, 3L, 4L), all, "every outcome once, in order");
        assertTrue(written.size() <= 3, "coalesced: " + written);
    }

    @Test
    void oneObjectAnswersAreGatheredAHundredAtATimeAndDrainWritesTheRest() {
        try (OutcomeWriter w = new OutcomeWriter(store)) {
            for (long i = 1; i <= 250; i++) {
                w.submit(applied(i), List.of());
            }
            w.drain();
        }
        assertEquals(250, written.stream().mapToInt(List::size).sum());
        assertTrue(written.size() <= 3, "at most 100, 100 and the last 50: " + written.stream().map(List::size).toList());
        assertTrue(written.stream().limit(written.size() - 1).allMatch(o -> o.size() >= OutcomeWriter.WRITE_AT),
                written.stream().map(List::size).toList().toString());
    }

    @Test
    void aFailedWriteIsRethrownByDrainSoTheApplyFailsAndItsItemsStayApplying() {
        failWith = new IllegalStateException("database is locked");
        try (OutcomeWriter w = new OutcomeWriter(store)) {
            w.submit(applied(1), List.of());
            IllegalStateException e = assertThrows(IllegalStateException.class, w::drain);
            assertEquals("database is locked", e.getMessage());
        }
        assertTrue(written.isEmpty());
    }

    @Test
    void nothingHandedOverWritesNothing() {
        try (OutcomeWriter w = new OutcomeWriter(store)) {
            w.submit(List.of(), List.of());
            w.drain();
        }
        assertTrue(written.isEmpty());
    }
}
