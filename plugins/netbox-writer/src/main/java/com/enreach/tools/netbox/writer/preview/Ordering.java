package com.enreach.tools.netbox.writer.preview;

import com.enreach.tools.api.netbox.ChangeItem;
import com.enreach.tools.api.netbox.ChangeSet;
import com.enreach.tools.api.netbox.NetBoxKinds;
import com.enreach.tools.netbox.writer.mapping.DesiredObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Dependency order: creates and updates by {@link NetBoxKinds#APPLY_ORDER} (primary-IP updates of devices and VMs
 * after the IPs), then deletes in reverse order; seq numbers from 1.
 */
final class Ordering {
    private Ordering() {
    }

    static List<ChangeItem> order(List<ChangeItem> items) {
        List<ChangeItem> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(Ordering::rank)); // stable: mapping order within a rank
        List<ChangeItem> out = new ArrayList<>(sorted.size());
        int seq = 1;
        for (ChangeItem i : sorted) {
            out.add(new ChangeItem(i.id(), seq++, i.ref(), i.action(), i.objectType(), i.netboxId(), i.entityId(), i.name(),
                    i.site(), i.dependsOn(), i.fields(), i.body(), i.before(), i.beforeHash(), i.approval(), i.status(),
                    i.message(), i.findings()));
        }
        return out;
    }

    private static int rank(ChangeItem i) {
        int n = NetBoxKinds.APPLY_ORDER.size();
        if (ChangeItem.DELETE.equals(i.action())) {
            return 2 * n + 1 + (n - NetBoxKinds.order(i.objectType()));
        }
        if (i.ref().endsWith(":" + DesiredObject.PRIMARY_IP_KEY)) {
            return n;
        }
        return NetBoxKinds.order(i.objectType());
    }

    static ChangeSet.Counts counts(List<ChangeItem> items, int held, int conflicts) {
        int c = 0;
        int u = 0;
        int d = 0;
        for (ChangeItem i : items) {
            switch (i.action()) {
                case ChangeItem.CREATE -> c++;
                case ChangeItem.UPDATE -> u++;
                default -> d++;
            }
        }
        return new ChangeSet.Counts(items.size(), c, u, d, 0, 0, 0, 0, 0, held, conflicts);
    }
}
