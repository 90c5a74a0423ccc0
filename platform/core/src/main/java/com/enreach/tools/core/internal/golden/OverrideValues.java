package com.enreach.tools.core.internal.golden;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

import com.enreach.tools.api.ApiException;
import com.enreach.tools.api.inventory.Attributes;
import com.enreach.tools.core.internal.sync.Normalize;

/** Checks an override's attribute and value and normalises the value the way observations' values are. */
final class OverrideValues {
    static final int MAX_TEXT = 1000;

    private OverrideValues() {
    }

    static void checkAttribute(String attribute) {
        if (attribute == null || !Attributes.ALL.contains(attribute)) {
            throw ApiException.invalid("attribute", "unknown attribute '" + attribute + "'; known: " + String.join(", ", Attributes.ALL));
        }
    }

    /** The value as stored (whole numbers as Long, text trimmed); BAD_REQUEST naming the problem otherwise. */
    static Object normalise(String attribute, Object value) {
        checkAttribute(attribute);
        if (value == null) {
            throw ApiException.invalid("value", "a value for " + attribute + " is required (revoke the override to let the sources choose)");
        }
        if (RuleSet.NUMERIC.contains(attribute)) {
            return wholeNumber(attribute, value);
        }
        if (!(value instanceof String s)) {
            throw ApiException.invalid("value", attribute + " takes text, got " + kind(value) + " " + value);
        }
        String t = s.trim();
        if (t.isEmpty() || t.length() > MAX_TEXT) {
            throw ApiException.invalid("value", attribute + " takes a non-empty text of at most " + MAX_TEXT + " characters");
        }
        switch (attribute) {
            case Attributes.PRIMARY_MAC: {
                String mac = Normalize.mac(t);
                if (mac == null) {
                    throw ApiException.invalid("value", "'" + t + "' is not a MAC address (e.g. 00:50:56:01:02:03)");
                }
                return mac;
            }
            case Attributes.PRIMARY_IP:
                try {
                    return Normalize.ip(t).address();
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid("value", "primary_ip: " + e.getMessage());
                }
            case Attributes.SYSTEM_UUID:
            case Attributes.FQDN:
                return t.toLowerCase(Locale.ROOT);
            default:
                return t;
        }
    }

    private static Long wholeNumber(String attribute, Object value) {
        BigDecimal n = null;
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof BigInteger) {
            n = new BigDecimal(value.toString());
        } else if (value instanceof Number num) {
            n = new BigDecimal(num.toString());
        }
        if (n == null) {
            throw ApiException.invalid("value", attribute + " takes a whole number, got " + kind(value) + " '" + value + "'");
        }
        if (n.signum() < 0 || n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw ApiException.invalid("value", attribute + " takes a whole number of 0 or more, got " + value);
        }
        return n.longValueExact();
    }

    private static String kind(Object value) {
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return value instanceof java.util.Map ? "an object" : value instanceof java.util.List ? "a list" : value.getClass().getSimpleName();
    }
}
