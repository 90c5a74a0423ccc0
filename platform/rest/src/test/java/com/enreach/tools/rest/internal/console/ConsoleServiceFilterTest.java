package com.enreach.tools.rest.internal.console;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.apache.felix.inventory.InventoryPrinter;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;

class ConsoleServiceFilterTest {
    private final Bundle self = bundle(42, "com.enreach.tools.rest");
    private final Bundle scr = bundle(7, "org.apache.felix.scr");
    private final Bundle console = bundle(50, "org.apache.felix.webconsole");
    private final Bundle dsConsole = bundle(51, ConsoleServiceFilter.DS_CONSOLE);
    private final Bundle inventory = bundle(52, "org.apache.felix.inventory");
    private final Bundle other = bundle(60, "com.enreach.tools.core");
    private final ConsoleServiceFilter filter = new ConsoleServiceFilter();

    ConsoleServiceFilterTest() {
        BundleContext ctx = mock(BundleContext.class);
        when(ctx.getBundle()).thenReturn(self);
        filter.activate(ctx);
    }

    @Test
    void theDsConsoleSeesOnlyTheMaskedRuntimeAndNobodyElseSeesIt() {
        ServiceReference<?> real = ref(scr, false, ServiceComponentRuntime.class.getName(), null);
        ServiceReference<?> masked = ref(self, true, ServiceComponentRuntime.class.getName(), null);
        assertTrue(filter.hidden(dsConsole, real));
        assertFalse(filter.hidden(dsConsole, masked));
        assertFalse(filter.hidden(other, real));
        assertTrue(filter.hidden(other, masked));
        assertTrue(filter.hidden(console, masked));
        assertFalse(filter.hidden(self, real), "the masked runtime binds the real one");
    }

    @Test
    void theStatusPluginSeesTheMaskedConfigurationsPrinterInsteadOfTheConsoleOne() {
        ServiceReference<?> consoles = ref(console, false, InventoryPrinter.class.getName(), "Configurations");
        ServiceReference<?> ours = ref(self, true, InventoryPrinter.class.getName(), "Configurations");
        ServiceReference<?> threads = ref(console, false, InventoryPrinter.class.getName(), "Threads");
        assertTrue(filter.hidden(inventory, consoles));
        assertFalse(filter.hidden(inventory, ours));
        assertFalse(filter.hidden(inventory, threads));
        assertFalse(filter.hidden(other, consoles), "only the status plugin is steered");
    }

    @Test
    void aStandInMustComeFromThisBundle() {
        ServiceReference<?> impostor = ref(other, true, ServiceComponentRuntime.class.getName(), null);
        assertTrue(filter.hidden(dsConsole, impostor));
    }

    @Test
    void findRemovesHiddenReferences() {
        ServiceReference<?> real = ref(scr, false, ServiceComponentRuntime.class.getName(), null);
        ServiceReference<?> masked = ref(self, true, ServiceComponentRuntime.class.getName(), null);
        List<ServiceReference<?>> refs = new ArrayList<>(List.of(real, masked));
        BundleContext viewer = mock(BundleContext.class);
        when(viewer.getBundle()).thenReturn(dsConsole);
        filter.find(viewer, ServiceComponentRuntime.class.getName(), null, false, refs);
        assertTrue(refs.size() == 1 && refs.get(0) == masked, refs.toString());
    }

    private static Bundle bundle(long id, String bsn) {
        Bundle b = mock(Bundle.class);
        when(b.getBundleId()).thenReturn(id);
        when(b.getSymbolicName()).thenReturn(bsn);
        return b;
    }

    private static ServiceReference<?> ref(Bundle owner, boolean masked, String type, String printerName) {
        ServiceReference<?> r = mock(ServiceReference.class);
        when(r.getBundle()).thenAnswer(i -> owner);
        when(r.getProperty(Constants.OBJECTCLASS)).thenReturn(new String[] {type});
        when(r.getProperty(ConsoleServiceFilter.MASKED)).thenReturn(masked ? Boolean.TRUE : null);
        when(r.getProperty(InventoryPrinter.NAME)).thenReturn(printerName);
        return r;
    }
}
