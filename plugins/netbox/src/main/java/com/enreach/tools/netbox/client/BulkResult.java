package com.enreach.tools.netbox.client;

import java.util.List;

/**
 * The outcome of a bulk write, one item per object given, in order.
 *
 * @param requests how many HTTP requests it took (1 when the bulk went through; more when it fell back)
 */
public record BulkResult(List<ItemResult> items, int requests) {
    public BulkResult {
        items = List.copyOf(items);
    }

    public boolean allOk() {
        return items.stream().allMatch(ItemResult::ok);
    }
}
