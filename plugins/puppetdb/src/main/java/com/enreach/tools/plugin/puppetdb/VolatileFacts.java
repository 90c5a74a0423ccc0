package com.enreach.tools.plugin.puppetdb;

import java.util.regex.Pattern;

/**
 * Values that move with every agent run or report while the node stays the same: fact and report timestamps,
 * uptimes, free-memory counters, load averages. They are stored as volatile metadata
 * ({@link com.enreach.tools.api.spi.DeviceRecord#putVolatile}), so re-sent facts with only these changed count as
 * unchanged.
 */
final class VolatileFacts {
    private static final Pattern VOLATILE = Pattern.compile(
            "(.*_)?timestamp|(system_)?uptime(_.*)?|(memory|swap)free(_.*)?|memory_?available(_.*)?|load_averages?");

    private VolatileFacts() {
    }

    /** Whether a metadata key (a fact or node field name, as stored) is volatile. */
    static boolean isVolatile(String key) {
        return VOLATILE.matcher(key).matches();
    }

    /** Puts a metadata value, volatile when its key says so. */
    static void put(com.enreach.tools.api.spi.DeviceRecord d, String key, Object value) {
        if (isVolatile(key)) {
            d.putVolatile(key, value);
        } else {
            d.put(key, value);
        }
    }
}
