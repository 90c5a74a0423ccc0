package com.enreach.tools.source.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;

import com.enreach.tools.api.spi.PermanentSourceException;
import com.enreach.tools.api.spi.SourceException;

/** Builds SSL contexts from an instance's TLS settings. */
public final class Tls {
    private Tls() {
    }

    /**
     * @param caFile   PEM file with one or more CA certificates to trust instead of the JDK's, or null
     * @param insecure skip certificate verification altogether (test labs only)
     */
    public static SSLContext context(String caFile, boolean insecure) throws SourceException {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            if (insecure) {
                ctx.init(null, new TrustManager[] {new TrustAll()}, new SecureRandom());
            } else if (caFile != null && !caFile.isBlank()) {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                try (InputStream in = Files.newInputStream(Path.of(caFile))) {
                    int i = 0;
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        ks.setCertificateEntry("ca" + i++, c);
                    }
                    if (i == 0) {
                        throw new PermanentSourceException("config", "ca.file", "ca.file " + caFile + " holds no PEM certificate", null, null);
                    }
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(ks);
                ctx.init(null, tmf.getTrustManagers(), new SecureRandom());
            } else {
                ctx.init(null, null, null);
            }
            return ctx;
        } catch (IOException e) {
            throw new PermanentSourceException("config", "ca.file", "ca.file " + caFile + " cannot be read: " + e.getMessage(), null, e);
        } catch (GeneralSecurityException e) {
            throw new PermanentSourceException("config", "ca.file", "ca.file " + caFile + " is not a valid PEM certificate file", null, e);
        }
    }

    /** Extends the "extended" manager so the JDK adds no host name check on top. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
