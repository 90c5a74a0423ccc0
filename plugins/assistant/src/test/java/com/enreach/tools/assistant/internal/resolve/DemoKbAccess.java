package com.enreach.tools.assistant.internal.resolve;

/** The demo knowledge base for tests of other packages. */
public final class DemoKbAccess {
    private DemoKbAccess() {
    }

    public static void load(FakeKb kb) throws Exception {
        new DemoKb(kb);
    }
}
