package com.enreach.tools.source.support;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Pieces for {@link com.enreach.tools.api.spi.SourceConnector#objectUrl}: the public part of an instance's
 * configured URL and percent-encoding of the ids that go into a link.
 *
 * @since 1.4
 */
public final class WebLinks {

    private WebLinks() {
    }

    /**
     * The configured URL as a link base: scheme, host, port and path, without user info (a password written into
     * the URL must never reach a page), query, fragment or trailing slash.
     *
     * @param url the instance's URL as read by {@link HttpSettings#readUrl}; may be null
     * @return e.g. {@code https://vc.example.com:8443/prefix}, or null when {@code url} is null or has no host
     */
    public static String base(URI url) {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            return null;
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String host = url.getHost();
        return url.getScheme() + "://" + host + (url.getPort() >= 0 ? ":" + url.getPort() : "") + path;
    }

    /**
     * Percent-encodes one path segment as UTF-8: everything but RFC 3986's unreserved characters is escaped, so a
     * name with spaces, {@code /}, {@code #}, {@code ?} or non-ASCII letters stays one segment.
     */
    public static String segment(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }

    /** A metadata value as text; null when absent or blank. */
    public static String text(java.util.Map<String, Object> metadata, String key) {
        Object v = metadata == null ? null : metadata.get(key);
        if (v == null) {
            return null;
        }
        String s = v.toString().trim();
        return s.isEmpty() ? null : s;
    }
}
