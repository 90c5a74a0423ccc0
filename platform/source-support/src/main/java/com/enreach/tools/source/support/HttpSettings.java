package com.enreach.tools.source.support;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.enreach.tools.api.plugin.ConfigFields;
import com.enreach.tools.api.spi.SourceException;

/**
 * The connection settings every HTTP source reads the same way from its instance file: {@code url},
 * {@code insecure}, {@code ca.file} and, where the plugin has them, {@code page.size} and {@code timeout.seconds}.
 * Problems are recorded in the plugin's {@link ConfigFields} beside those of its own keys (credentials and the
 * like), in the order the keys are read.
 *
 * @param url            the base URL; null when the configuration has no valid one
 * @param insecure       skip certificate verification (test labs only)
 * @param caFile         the PEM CA file to trust, or null for the JDK trust store
 * @param pageSize       {@code page.size}, or 0 when the reader was not asked for it
 * @param requestTimeout {@code timeout.seconds} as a duration, or null when not read (the client's default applies)
 */
public record HttpSettings(URI url, boolean insecure, String caFile, int pageSize, Duration requestTimeout) {

    /**
     * Reads {@code url} as an absolute http(s) URL without a trailing slash, dropping the first of the given
     * suffixes it ends with: people paste an API path ("/api", "/sdk") as often as the base address.
     *
     * @return the URL, or null when it is missing or invalid (the error is recorded in {@code f})
     */
    public static URI readUrl(ConfigFields f, String... droppedSuffixes) {
        URI u = f.httpUrl("url");
        if (u == null) {
            return null;
        }
        String s = u.toString();
        for (String suffix : droppedSuffixes) {
            if (s.endsWith(suffix)) {
                return URI.create(s.substring(0, s.length() - suffix.length()));
            }
        }
        return u;
    }

    /**
     * Reads {@code insecure} and {@code ca.file}; a CA file that does not exist or cannot be read is an error of
     * field {@code ca.file} with the given code.
     *
     * @param url        the instance's URL as the plugin read it (see {@link #readUrl}); may be null when invalid
     * @param caFileCode the error code for an unreadable CA file
     */
    public static HttpSettings read(ConfigFields f, URI url, String caFileCode) {
        return reader(caFileCode).read(f, url);
    }

    /** A reader that can also take {@code page.size} and {@code timeout.seconds}, for plugins that have them. */
    public static Reader reader(String caFileCode) {
        return new Reader(caFileCode);
    }

    /** A client builder for {@link #url()} with the TLS settings and request timeout applied. */
    public SourceHttp.Builder builder(String system) throws SourceException {
        return builder(system, url);
    }

    /** A client builder for another base (an API path below the URL) with the TLS settings and request timeout applied. */
    public SourceHttp.Builder builder(String system, URI base) throws SourceException {
        SourceHttp.Builder b = SourceHttp.builder(system, base).tls(caFile, insecure);
        if (requestTimeout != null) {
            b.requestTimeout(requestTimeout);
        }
        return b;
    }

    /**
     * Which optional keys to read besides {@code insecure} and {@code ca.file}. They are read in this order:
     * {@code insecure}, {@code ca.file}, {@code page.size}, {@code timeout.seconds}, then the CA file is checked.
     */
    public static final class Reader {
        private final String caFileCode;
        private Whole pageSize;
        private Whole timeoutSeconds;

        private Reader(String caFileCode) {
            this.caFileCode = caFileCode;
        }

        /** Also reads {@code page.size}, from 1 to {@code max}. */
        public Reader pageSize(int defaultValue, int max) {
            this.pageSize = new Whole("page.size", defaultValue, 1, max);
            return this;
        }

        /**
         * Also reads {@code timeout.seconds}, the longest wait for one answer, within the range every plugin shares
         * ({@link SourceDefaults#TIMEOUT_SECONDS_MIN} to {@link SourceDefaults#TIMEOUT_SECONDS_MAX}).
         *
         * @param defaultValue the plugin's default (declared once in its configuration interface)
         * @since 1.3
         */
        public Reader timeoutSeconds(int defaultValue) {
            return timeoutSeconds(defaultValue, SourceDefaults.TIMEOUT_SECONDS_MIN, SourceDefaults.TIMEOUT_SECONDS_MAX);
        }

        /** Also reads {@code timeout.seconds}, the longest wait for one answer. */
        public Reader timeoutSeconds(int defaultValue, int min, int max) {
            this.timeoutSeconds = new Whole("timeout.seconds", defaultValue, min, max);
            return this;
        }

        /** Reads the settings; problems are recorded in {@code f}. */
        public HttpSettings read(ConfigFields f, URI url) {
            boolean insecure = f.bool("insecure", SourceDefaults.INSECURE);
            String caFile = f.string("ca.file", null);
            int pages = pageSize == null ? 0 : pageSize.read(f);
            Duration timeout = timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds.read(f));
            if (caFile != null && !Files.isReadable(Path.of(caFile))) {
                f.error("ca.file", caFileCode, "ca.file " + caFile + " does not exist or cannot be read");
            }
            return new HttpSettings(url, insecure, caFile, pages, timeout);
        }
    }

    /** An optional whole-number key with its default and range. */
    private record Whole(String key, int defaultValue, int min, int max) {
        int read(ConfigFields f) {
            return f.integer(key, defaultValue, min, max);
        }
    }
}
