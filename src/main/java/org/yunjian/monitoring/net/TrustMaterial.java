package org.yunjian.monitoring.net;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates the monitors trust: the JDK's default roots ({@code cacerts}) and those an operator adds (an
 * organisation's own CA, a test CA), read from PEM (one or more certificates) or a PKCS#12 trust store. One trust
 * store serves both the certificate check ({@link TlsCheck}) and the page fetches.
 */
public final class TrustMaterial {

    private TrustMaterial() {}

    /**
     * The certificates of {@code bytes}: PEM or DER certificates, or a PKCS#12 store opened with {@code password}
     * (null for none). Throws {@link IllegalArgumentException} when they cannot be read.
     */
    public static List<X509Certificate> read(byte[] bytes, char[] password) {
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.US_ASCII);
        try {
            if (head.contains("-----BEGIN")) {
                List<X509Certificate> out = new ArrayList<>();
                for (Certificate c :
                        CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                    out.add((X509Certificate) c);
                }
                if (out.isEmpty()) {
                    throw new IllegalArgumentException("trust-store: PEM");
                }
                return out;
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), password);
            List<X509Certificate> out = new ArrayList<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.getCertificate(alias) instanceof X509Certificate c) {
                    out.add(c);
                }
            }
            return out;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("trust store: " + e.getMessage(), e);
        }
    }

    /** A trust store of the JDK's default roots and {@code extra}. */
    public static KeyStore withDefaults(Collection<X509Certificate> extra) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int n = 0;
            for (TrustManager tm : factory.getTrustManagers()) {
                if (tm instanceof X509TrustManager x509) {
                    for (X509Certificate c : x509.getAcceptedIssuers()) {
                        ks.setCertificateEntry("jdk-" + n++, c);
                    }
                }
            }
            for (X509Certificate c : extra) {
                ks.setCertificateEntry("added-" + n++, c);
            }
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("trust store", e);
        }
    }

    /** A TLS context that trusts the roots of {@code trustStore}. */
    public static SSLContext context(KeyStore trustStore) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS context", e);
        }
    }
}
