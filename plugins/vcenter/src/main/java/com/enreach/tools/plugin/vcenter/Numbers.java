package com.enreach.tools.plugin.vcenter;

/** Lenient readers for xsd values: a value that does not parse is left out rather than failing the VM. */
final class Numbers {
    private Numbers() {
    }

    static Integer parseInt(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Long parseLong(String s) {
        try {
            return s == null ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Boolean parseBoolean(String s) {
        if (s == null) {
            return null;
        }
        return s.equals("true") || s.equals("1") ? Boolean.TRUE : s.equals("false") || s.equals("0") ? Boolean.FALSE : null;
    }

    /** An IPv4 or IPv6 literal (hosts added to vCenter by address rather than by name). */
    static boolean isIpLiteral(String s) {
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") || (s.contains(":") && s.matches("[0-9A-Fa-f:.]+"));
    }
}
